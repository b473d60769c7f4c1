import asyncio
import time

N = 40  # waits of 0.1 s each: 40, not 100, to keep this run under 5 s


async def wait() -> None:
    await asyncio.sleep(0.1)  # stands in for one slow call


async def main() -> None:
    start = time.perf_counter()
    for _ in range(N):
        await wait()  # await alone does not overlap anything: one after another
    # Whole seconds here: each timer fires a little late, and the small delays add up.
    print(f"sequential, await in a loop: {N} waits of 0.1 s took {time.perf_counter() - start:.0f} s")

    start = time.perf_counter()
    await asyncio.gather(*(wait() for _ in range(N)))  # all 40 in flight at once
    print(f"concurrent, asyncio.gather: {N} waits of 0.1 s took {time.perf_counter() - start:.1f} s")


asyncio.run(main())
