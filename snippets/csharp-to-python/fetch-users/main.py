import asyncio

import aiohttp

BASE_URL = "http://127.0.0.1:8765"


async def get_user(session: aiohttp.ClientSession, user_id: int) -> dict:
    # ?delay=500: the demo API waits half a second before it answers.
    url = f"{BASE_URL}/api/users/{user_id}?delay=500"
    # The response is an async context manager: leaving the block hands the
    # connection back to the session's pool.
    async with session.get(url) as response:
        response.raise_for_status()  # the `if (!response.ok) throw ...` of fetch
        return await response.json()  # reading the body is awaited, as in JavaScript


async def main() -> None:
    # fetch uses one connection pool for the whole process. aiohttp keeps its
    # pool in a session, which you open and close yourself: one per program.
    async with aiohttp.ClientSession() as session:
        users = await asyncio.gather(*(get_user(session, i) for i in (1, 2, 3)))
    for user in users:
        print(f"{user['id']}: {user['name']} <{user['email']}>")


asyncio.run(main())
