import asyncio
import time


async def get_user(user_id: int) -> str:
    print(f"  fetch {user_id}: started")
    await asyncio.sleep(1)
    return "Ada Lovelace"


async def main() -> None:
    start = time.perf_counter()
    # A Task is scheduled at once and starts as soon as main() next
    # yields to the event loop. Keep a reference to it until it is done.
    task = asyncio.create_task(get_user(1))
    print("called get_user(1); now 1 s of other work")
    await asyncio.sleep(1)
    print("other work done; awaiting")
    name = await task  # it has been running during the other work
    print(f"got {name} after {time.perf_counter() - start:.1f} s")


asyncio.run(main())
