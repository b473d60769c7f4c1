import asyncio

USERS = {1: {"id": 1, "name": "Ada Lovelace", "email": "ada@example.com"}}


async def get_user(user_id: int) -> dict:
    await asyncio.sleep(0.1)
    if user_id not in USERS:
        raise LookupError(f"no user {user_id}")
    return USERS[user_id]


async def send_welcome(user: dict) -> str:
    await asyncio.sleep(0.1)
    return f"welcome mail sent to {user['email']}"


# There is no .then() to chain: each step is awaited, one after the other.
async def welcome(user_id: int) -> None:
    try:
        user = await get_user(user_id)
        receipt = await send_welcome(user)
        print(receipt)
    except LookupError as e:  # the .catch(): any step's failure lands here
        print(f"error: {e}")


async def main() -> None:
    await welcome(1)
    await welcome(99)


asyncio.run(main())
