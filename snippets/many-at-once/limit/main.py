import asyncio
import time

running = 0  # jobs running right now
peak = 0  # the most that ever ran at once


async def job() -> None:
    global running, peak
    running += 1
    peak = max(peak, running)
    await asyncio.sleep(0.5)  # one slow call
    running -= 1


async def bounded_job(slots: asyncio.Semaphore) -> None:
    async with slots:  # waits here while 2 jobs hold the semaphore
        await job()


async def main() -> None:
    global peak
    start = time.perf_counter()
    await asyncio.gather(*(job() for _ in range(6)))
    print(f"unbounded: 6 jobs, at most {peak} at once, took {time.perf_counter() - start:.1f} s")

    peak = 0
    slots = asyncio.Semaphore(2)
    start = time.perf_counter()
    await asyncio.gather(*(bounded_job(slots) for _ in range(6)))
    print(f"bounded: 6 jobs, at most {peak} at once, took {time.perf_counter() - start:.1f} s")


asyncio.run(main())
