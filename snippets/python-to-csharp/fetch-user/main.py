import asyncio

import aiohttp

BASE_URL = "http://127.0.0.1:8765"


async def get_user(session: aiohttp.ClientSession, user_id: int) -> dict:
    async with session.get(f"{BASE_URL}/api/users/{user_id}") as response:
        response.raise_for_status()  # a 4xx or 5xx status is not an exception by itself
        return await response.json()


async def main() -> None:
    # One session for every request: it keeps a pool of open connections.
    async with aiohttp.ClientSession() as session:
        users = await asyncio.gather(*(get_user(session, i) for i in (1, 2, 3)))
    for user in users:
        print(f"{user['id']}: {user['name']}")


asyncio.run(main())
