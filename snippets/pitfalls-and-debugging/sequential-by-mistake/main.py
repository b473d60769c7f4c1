import asyncio
import time

NAMES = {1: "Ada Lovelace", 2: "Alan Turing", 3: "Grace Hopper"}
IDS = (1, 2, 3)


async def get_user(user_id: int) -> str:
    await asyncio.sleep(0.5)  # one slow call
    return NAMES[user_id]


async def main() -> None:
    start = time.perf_counter()
    names = [await get_user(i) for i in IDS]  # each call waits for the one before
    print(f"await in a loop: {', '.join(names)} (took {time.perf_counter() - start:.1f} s)")

    start = time.perf_counter()
    coros = [get_user(i) for i in IDS]  # coroutine objects: none of them has started
    names = [await c for c in coros]  # so this is still one at a time
    print(f"coroutines first, then await: {', '.join(names)} (took {time.perf_counter() - start:.1f} s)")

    start = time.perf_counter()
    names = await asyncio.gather(*(get_user(i) for i in IDS))  # wraps each in a Task: all start
    print(f"gather: {', '.join(names)} (took {time.perf_counter() - start:.1f} s)")


asyncio.run(main())
