import asyncio
import time

START = time.perf_counter()


def now() -> float:
    return time.perf_counter() - START


async def ticker() -> None:
    last = 0.0
    for i in range(1, 6):
        await asyncio.sleep(0.2)
        t = now()
        late = f" (due at {last + 0.2:.1f} s)" if t - last > 0.3 else ""
        print(f"tick {i} at {t:.1f} s{late}")
        last = t


async def cpu_step() -> None:
    await asyncio.sleep(0.3)
    print(f"cpu: 0.6 s of computation starts at {now():.1f} s")
    end = time.perf_counter() + 0.6
    while time.perf_counter() < end:  # stands in for computing; no await, so no one else runs
        pass
    print(f"cpu: done at {now():.1f} s")


async def main() -> None:
    await asyncio.gather(ticker(), cpu_step())


asyncio.run(main())
