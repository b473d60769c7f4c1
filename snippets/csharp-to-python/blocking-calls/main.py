import asyncio
import time
from collections.abc import Awaitable, Callable


async def count_ticks(label: str, work: Callable[[], Awaitable[None]]) -> None:
    """Run work() while a heartbeat task tries to tick every 0.3 s."""
    ticks = 0

    async def heartbeat() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0.3)
            ticks += 1

    beat = asyncio.create_task(heartbeat())
    await asyncio.sleep(0)  # let the heartbeat start
    start = time.perf_counter()
    await work()
    beat.cancel()
    print(f"{label:<26} took {time.perf_counter() - start:.1f} s, heartbeat ticked {ticks} times")


async def blocking() -> None:
    time.sleep(1)  # a sync call (think requests.get): the whole loop waits


async def non_blocking() -> None:
    await asyncio.sleep(1)  # the async version (think aiohttp): the loop runs on


async def in_a_thread() -> None:
    await asyncio.to_thread(time.sleep, 1)  # the sync call, run on a worker thread


async def main() -> None:
    await count_ticks("time.sleep(1)", blocking)
    await count_ticks("await asyncio.sleep(1)", non_blocking)
    await count_ticks("await to_thread(sleep, 1)", in_a_thread)


asyncio.run(main())
