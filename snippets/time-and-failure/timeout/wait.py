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
    # asyncio.wait never raises and never cancels: it returns (done, pending).
    fast = asyncio.create_task(fetch("fast", 0.1))
    await asyncio.wait({fast}, timeout=0.3)
    print(f"wait: {fast.result()}")

    # Stop the waiting, not the work: the fetch is still pending, and runs on.
    start = time.perf_counter()
    abandoned = asyncio.create_task(fetch("slow", 1.0))  # keep a reference: it outlives the wait
    done, pending = await asyncio.wait({abandoned}, timeout=0.3)
    if abandoned in pending:
        print(f"wait: gave up after {time.perf_counter() - start:.1f} s")

    # wait_for without a shield stops the work: it cancels the fetch.
    start = time.perf_counter()
    try:
        await asyncio.wait_for(fetch("slow", 1.0), timeout=0.3)
    except TimeoutError:  # asyncio.TimeoutError is the same class since 3.11
        print(f"wait_for: gave up after {time.perf_counter() - start:.1f} s")

    print(f"the abandoned fetch still returned: {await abandoned}")


asyncio.run(main())
