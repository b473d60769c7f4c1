import asyncio
import time

NAMES = {1: "Ada Lovelace", 2: "Alan Turing", 3: "Grace Hopper"}


async def get_user(user_id: int) -> str:
    await asyncio.sleep(1)  # one slow call
    return NAMES[user_id]


async def main() -> None:
    start = time.perf_counter()
    names = [await get_user(i) for i in (1, 2, 3)]  # one after another
    print(f"sequential: {', '.join(names)} (took {time.perf_counter() - start:.1f} s)")

    start = time.perf_counter()
    names = await asyncio.gather(get_user(1), get_user(2), get_user(3))  # all at once
    print(f"concurrent: {', '.join(names)} (took {time.perf_counter() - start:.1f} s)")


asyncio.run(main())
