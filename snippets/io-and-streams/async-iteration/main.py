import asyncio
from collections.abc import AsyncIterator

NAMES = {1: "Ada Lovelace", 2: "Alan Turing", 3: "Grace Hopper"}


# An async generator: an async def with yield. It can await between values.
async def users(ids: list[int]) -> AsyncIterator[str]:
    for user_id in ids:
        print(f"fetching user {user_id}")
        await asyncio.sleep(0.1)  # stands in for one request per user
        yield NAMES[user_id]


async def main() -> None:
    async for name in users([1, 2, 3]):  # each step awaits the next value
        print(f"got {name}")
    print("done")


asyncio.run(main())
