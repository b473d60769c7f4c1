import asyncio
import time


class RateLimiter:
    """Lets calls start at most `per_second` times a second, evenly spaced."""

    def __init__(self, per_second: float) -> None:
        self.interval = 1 / per_second
        self.next_start = 0.0  # the loop time at which the next call may start

    async def wait(self) -> None:
        now = asyncio.get_running_loop().time()
        start = max(now, self.next_start)
        self.next_start = start + self.interval  # read and write with no await between: no race
        await asyncio.sleep(start - now)


running = 0  # calls running right now


async def call(limiter: RateLimiter, start: float) -> None:
    global running
    await limiter.wait()
    running += 1
    print(f"call started at {time.perf_counter() - start:.1f} s, {running} running")
    await asyncio.sleep(0.5)  # the call itself takes half a second
    running -= 1


async def main() -> None:
    limiter = RateLimiter(per_second=5)
    start = time.perf_counter()
    await asyncio.gather(*(call(limiter, start) for _ in range(5)))
    print(f"5 calls at 5 per second took {time.perf_counter() - start:.1f} s")


asyncio.run(main())
