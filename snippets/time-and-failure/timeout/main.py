import asyncio
import time


async def fetch(name: str, seconds: float) -> str:
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print(f"  {name} cancelled")
        raise  # let the cancellation carry on
    print(f"  {name} finished")
    return f"report from {name}"


async def main() -> None:
    # wait_for cancels what it waits for when time is up. shield() puts a
    # layer in between: the cancellation stops at the shield, not the fetch.
    fast = await asyncio.wait_for(asyncio.shield(fetch("fast", 0.1)), timeout=0.3)
    print(f"wait_for(shield): {fast}")

    # Stop the waiting, not the work: the fetch runs on after the timeout.
    start = time.perf_counter()
    abandoned = asyncio.create_task(fetch("slow", 1.0))  # keep a reference: it outlives the wait
    try:
        await asyncio.wait_for(asyncio.shield(abandoned), timeout=0.3)
    except TimeoutError:  # asyncio.TimeoutError is the same class since 3.11
        print(f"wait_for(shield): gave up after {time.perf_counter() - start:.1f} s")

    # asyncio.timeout (3.11) stops the work itself: it cancels the task inside.
    start = time.perf_counter()
    try:
        async with asyncio.timeout(0.3):
            await fetch("slow", 1.0)
    except TimeoutError:  # the block's task was cancelled, and that became TimeoutError
        print(f"timeout: gave up after {time.perf_counter() - start:.1f} s")

    print(f"the abandoned fetch still returned: {await abandoned}")


asyncio.run(main())
