# playground:hide-start
import asyncio

NAMES = {1: "Ada Lovelace", 2: "Alan Turing", 3: "Grace Hopper"}


async def get_user(user_id: int) -> str:
    """Stands in for an HTTP call: answers after 0.5 s."""
    await asyncio.sleep(0.5)
    return NAMES[user_id]


# playground:hide-end
async def main() -> None:
    # create_task starts each fetch now, like a C# Task: all three wait at once.
    ada = asyncio.create_task(get_user(1))
    alan = asyncio.create_task(get_user(2))
    grace = asyncio.create_task(get_user(3))
    print(await ada)
    print(await alan)
    print(await grace)


asyncio.run(main())
