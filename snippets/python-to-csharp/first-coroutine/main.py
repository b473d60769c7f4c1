import asyncio
from dataclasses import dataclass


@dataclass
class User:
    id: int
    name: str
    email: str


# A coroutine function. Calling it returns a coroutine object;
# awaiting that object runs the body and gives back a User.
async def get_user(user_id: int) -> User:
    print(f"fetching user {user_id}...")
    await asyncio.sleep(0.5)  # stands in for the network round trip
    return User(user_id, "Ada Lovelace", "ada@example.com")


async def main() -> None:
    user = await get_user(1)
    print(f"got {user.name} <{user.email}>")


asyncio.run(main())
