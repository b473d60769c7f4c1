import asyncio
import time
from collections.abc import Coroutine
from typing import Any

# The event loop keeps only weak references to tasks: hold on to the
# fire-and-forget ones here until they finish.
background_tasks: set[asyncio.Task] = set()


def fire_and_forget(coro: Coroutine[Any, Any, None]) -> None:
    task = asyncio.create_task(coro)
    background_tasks.add(task)
    task.add_done_callback(report_and_forget)


def report_and_forget(task: asyncio.Task) -> None:
    background_tasks.discard(task)
    if not task.cancelled() and task.exception() is not None:
        print(f"  background job failed: {task.exception()}")


async def get_user(user_id: int) -> str:
    await asyncio.sleep(1)
    return "Ada Lovelace"


async def send_notification(user_id: int) -> None:
    await asyncio.sleep(0.2)
    raise ConnectionError("mail server is down")


async def main() -> None:
    start = time.perf_counter()
    fetch = asyncio.create_task(get_user(1))  # a coroutine alone would not start
    fire_and_forget(send_notification(1))  # never awaited
    print("fetch started; 0.5 s of other work")
    await asyncio.sleep(0.5)
    print("other work done; awaiting the fetch")
    name = await fetch  # it has been running all along
    print(f"got {name} after {time.perf_counter() - start:.1f} s")


asyncio.run(main())
