import asyncio
import time


def show(n: int, start: float, end: float) -> None:
    a, b = round(start * 10), round(end * 10)  # in tenths of a second; one # per tenth
    print(f"  wait {n}  {a / 10:.1f}-{b / 10:.1f} s  {' ' * a}{'#' * (b - a)}")


async def wait(t0: float) -> tuple[float, float]:
    start = time.perf_counter() - t0
    await asyncio.sleep(1)  # suspends this coroutine; the loop runs the others
    return start, time.perf_counter() - t0


async def main() -> None:
    print("concurrent, asyncio.gather:")
    t0 = time.perf_counter()
    spans = await asyncio.gather(wait(t0), wait(t0), wait(t0))
    for n, (start, end) in enumerate(spans, 1):
        show(n, start, end)
    print(f"  took {time.perf_counter() - t0:.1f} s")


asyncio.run(main())
