import time


def show(n: int, start: float, end: float) -> None:
    a, b = round(start * 10), round(end * 10)  # in tenths of a second; one # per tenth
    print(f"  wait {n}  {a / 10:.1f}-{b / 10:.1f} s  {' ' * a}{'#' * (b - a)}")


def wait(t0: float) -> tuple[float, float]:
    start = time.perf_counter() - t0
    time.sleep(1)  # blocks the thread: nothing else can happen meanwhile
    return start, time.perf_counter() - t0


print("sequential, time.sleep:")
t0 = time.perf_counter()
for n in (1, 2, 3):
    show(n, *wait(t0))
print(f"  took {time.perf_counter() - t0:.1f} s")
