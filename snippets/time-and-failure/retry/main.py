import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar

T = TypeVar("T")
calls = 0


async def flaky_fetch() -> str:
    """Fails twice, then works: a stand-in for a service that is briefly down."""
    global calls
    calls += 1
    await asyncio.sleep(0.1)
    if calls < 3:
        raise ConnectionError("service unavailable")
    return "report"


async def retry(operation: Callable[[], Awaitable[T]], attempts: int = 4, delay: float = 0.1) -> T:
    for attempt in range(1, attempts):
        try:
            return await operation()
        except ConnectionError as e:  # retry only errors that may go away
            print(f"attempt {attempt} failed ({e}); retrying in {delay:.1f} s")
            await asyncio.sleep(delay)  # waits without blocking the event loop
            delay *= 2  # exponential backoff: 0.1 s, 0.2 s, 0.4 s
    return await operation()  # the last attempt: its error goes to the caller


async def main() -> None:
    result = await retry(flaky_fetch)
    print(f"got {result} on attempt {calls}")


asyncio.run(main())
