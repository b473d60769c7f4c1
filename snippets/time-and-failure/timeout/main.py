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
    async with asyncio.timeout(0.3):  # Python 3.11+
        print(f"timeout: {await fetch('fast', 0.1)}")

    start = time.perf_counter()
    try:
        async with asyncio.timeout(0.3):
            await fetch("slow", 1.0)
    except TimeoutError:  # the block's task was cancelled, and that became TimeoutError
        print(f"timeout: gave up after {time.perf_counter() - start:.1f} s")

    start = time.perf_counter()
    try:
        await asyncio.wait_for(fetch("slow", 1.0), timeout=0.3)
    except TimeoutError:  # asyncio.TimeoutError is the same class since 3.11
        print(f"wait_for: gave up after {time.perf_counter() - start:.1f} s")


asyncio.run(main())
