# playground:hide-start
import asyncio

NAMES = {1: "Ada Lovelace", 2: "Alan Turing", 3: "Grace Hopper"}


async def get_user(user_id: int) -> str:
    """Answers after 0.4 s; an unknown id raises LookupError."""
    await asyncio.sleep(0.4)
    if user_id not in NAMES:
        raise LookupError(f"no user {user_id}")
    return NAMES[user_id]


# playground:hide-end
IDS = (1, 2, 99, 3)


async def main() -> None:
    results = await asyncio.gather(*(get_user(i) for i in IDS))
    for user_id, result in zip(IDS, results):
        print(f"user {user_id}: {result}")


asyncio.run(main())
