import asyncio
import time
from collections.abc import Awaitable, Callable


def report(label: str, start: float, done: asyncio.Future) -> None:
    print(f"{label}: timer due at 0.1 s ran at {time.perf_counter() - start:.1f} s")
    done.set_result(None)


async def run(label: str, pause: Callable[[], Awaitable[None]]) -> None:
    loop = asyncio.get_running_loop()
    start = time.perf_counter()
    done = loop.create_future()
    loop.call_later(0.1, report, label, start, done)  # a timer, due in 0.1 s
    await pause()  # then one second of "work"
    await done


async def blocking_pause() -> None:
    time.sleep(1)  # wrong: holds the event loop, so no timer or task can run


async def async_pause() -> None:
    await asyncio.sleep(1)  # gives the loop back while it waits


async def main() -> None:
    await run("time.sleep", blocking_pause)
    await run("asyncio.sleep", async_pause)


# Debug mode logs, on stderr, each step that held the loop for more than 0.1 s:
# "Executing <Task ...> took 1.001 seconds". PYTHONASYNCIODEBUG=1 does the same.
asyncio.run(main(), debug=True)
