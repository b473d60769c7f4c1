import asyncio
import time

N = 100  # waits of 0.1 s each


async def wait() -> None:
    await asyncio.sleep(0.1)  # stands in for one slow call


async def main() -> None:
    start = time.perf_counter()
    for _ in range(N):
        await wait()  # await alone does not overlap anything: one after another
    # Whole seconds here: each timer fires a little late, and 100 small delays add up.
    print(f"sequential, await in a loop: {N} waits of 0.1 s took {time.perf_counter() - start:.0f} s")

    start = time.perf_counter()
    await asyncio.gather(*(wait() for _ in range(N)))  # all 100 in flight at once
    print(f"concurrent, asyncio.gather: {N} waits of 0.1 s took {time.perf_counter() - start:.1f} s")


asyncio.run(main())
