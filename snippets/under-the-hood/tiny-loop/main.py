import heapq
import itertools
import time
from collections import deque

START = time.monotonic()


def now() -> str:
    return f"{time.monotonic() - START:.1f} s"


class Sleep:
    """What a coroutine awaits to ask this loop for a timer."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds

    def __await__(self):
        yield self  # suspend, handing this request to the loop


class TinyLoop:
    def __init__(self) -> None:
        self.ready = deque()  # coroutines that can run now
        self.timers = []  # heap of (wake-up time, tie-breaker, coroutine)
        self.order = itertools.count()
        self.sends = 0

    def run(self, *coros) -> None:
        self.ready.extend(coros)
        while self.ready or self.timers:
            if not self.ready:  # nothing to run: sleep until the next timer is due
                wake_at, _, coro = heapq.heappop(self.timers)
                time.sleep(max(0.0, wake_at - time.monotonic()))
                self.ready.append(coro)
            coro = self.ready.popleft()
            self.sends += 1
            try:
                request = coro.send(None)  # run it up to its next await
            except StopIteration:
                continue  # it returned: done with it
            heapq.heappush(self.timers, (time.monotonic() + request.seconds, next(self.order), coro))


async def job(name: str, seconds: float) -> None:
    print(f"{name}: start at {now()}")
    await Sleep(seconds)
    print(f"{name}: done at {now()}")


loop = TinyLoop()
loop.run(job("A", 0.3), job("B", 0.1), job("C", 0.2))
print(f"loop: {loop.sends} send() calls on one thread, finished at {now()}")
