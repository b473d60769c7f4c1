# playground:hide-start
import asyncio

NAMES = {1: "Ada Lovelace", 2: "Alan Turing", 3: "Grace Hopper"}


async def get_user(user_id: int) -> str:
    """Stands in for an HTTP call: answers after 0.5 s."""
    await asyncio.sleep(0.5)
    return NAMES[user_id]


# playground:hide-end
async def main() -> None:
    # From C#, where each call starts its Task at once:
    #   var ada = GetUserAsync(1); var alan = GetUserAsync(2); var grace = GetUserAsync(3);
    ada = get_user(1)
    alan = get_user(2)
    grace = get_user(3)
    print(await ada)
    print(await alan)
    print(await grace)


asyncio.run(main())
