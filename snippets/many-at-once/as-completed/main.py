import asyncio
import time

DOWNLOADS = {"big": 0.3, "small": 0.1, "medium": 0.2}  # name: seconds it takes


async def download(name: str, seconds: float) -> str:
    await asyncio.sleep(seconds)
    return name


async def main() -> None:
    start = time.perf_counter()
    jobs = [download(name, s) for name, s in DOWNLOADS.items()]
    # A plain `for`, the only form before Python 3.13: as_completed yields new
    # awaitables, not your jobs. Awaiting the next one gives the next result
    # to arrive, not a particular job's. (3.13 adds `async for`, which yields
    # your own tasks.)
    for next_done in asyncio.as_completed(jobs):
        name = await next_done
        print(f"{name} done after {time.perf_counter() - start:.1f} s")


asyncio.run(main())
