import asyncio
import time


def show(n: int, start: float, end: float) -> None:
    a, b = round(start * 10), round(end * 10)  # in tenths of a second; one # per tenth
    print(f"  wait {n}  {a / 10:.1f}-{b / 10:.1f} s  {' ' * a}{'#' * (b - a)}")


def wait_blocking(t0: float) -> tuple[float, float]:
    start = time.perf_counter() - t0
    time.sleep(1)  # blocks the thread: nothing else can happen meanwhile
    return start, time.perf_counter() - t0


async def wait(t0: float) -> tuple[float, float]:
    start = time.perf_counter() - t0
    await asyncio.sleep(1)  # suspends this coroutine; the loop runs the others
    return start, time.perf_counter() - t0


async def concurrent() -> None:
    print("concurrent, asyncio.gather:")
    t0 = time.perf_counter()
    spans = await asyncio.gather(wait(t0), wait(t0), wait(t0))
    for n, (start, end) in enumerate(spans, 1):
        show(n, start, end)
    print(f"  took {time.perf_counter() - t0:.1f} s")


print("sequential, time.sleep:")
t0 = time.perf_counter()
for n in (1, 2, 3):
    show(n, *wait_blocking(t0))
print(f"  took {time.perf_counter() - t0:.1f} s")

asyncio.run(concurrent())
