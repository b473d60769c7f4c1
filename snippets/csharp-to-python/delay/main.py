import asyncio
import time


async def brew(name: str, seconds: float, start: float) -> None:
    await asyncio.sleep(seconds)  # Task.Delay: gives the loop back while it waits
    print(f"  {name} ready at {time.perf_counter() - start:.1f} s")


async def main() -> None:
    print("sequential")
    start = time.perf_counter()
    await brew("tea", 1.0, start)
    await brew("toast", 0.5, start)  # starts only after the tea is done

    print("concurrent")
    start = time.perf_counter()
    # gather wraps both in tasks, so both delays run at the same time
    await asyncio.gather(brew("tea", 1.0, start), brew("toast", 0.5, start))


asyncio.run(main())
