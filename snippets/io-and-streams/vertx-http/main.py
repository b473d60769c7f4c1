import asyncio

import aiohttp

BASE_URL = "http://127.0.0.1:8765"


async def fetch_and_print(session: aiohttp.ClientSession, user_id: int, delay_ms: int) -> str:
    async with session.get(f"{BASE_URL}/api/users/{user_id}?delay={delay_ms}") as response:
        response.raise_for_status()  # a 4xx or 5xx status is not an exception by itself
        user = await response.json()
    print(f"arrived: {user['name']}")
    return user["name"]


async def main() -> None:
    # One session for every request. The server waits delay_ms before it
    # answers, so the replies come back in a different order.
    async with aiohttp.ClientSession() as session:
        names = await asyncio.gather(
            fetch_and_print(session, 1, 900),
            fetch_and_print(session, 2, 100),
            fetch_and_print(session, 3, 500),
        )
    print(f"in request order: {', '.join(names)}")


asyncio.run(main())
