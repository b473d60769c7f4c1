import asyncio
import time


async def get_user(user_id: int) -> str:
    print(f"  fetch {user_id}: started")
    await asyncio.sleep(1)
    return "Ada Lovelace"


async def main() -> None:
    start = time.perf_counter()
    coro = get_user(1)  # only creates a coroutine object: nothing runs yet
    print("called get_user(1); now 1 s of other work")
    await asyncio.sleep(1)
    print("other work done; awaiting")
    name = await coro  # the fetch starts here, so its 1 s comes on top
    print(f"got {name} after {time.perf_counter() - start:.1f} s")


asyncio.run(main())
