# playground:hide-start
import asyncio

loads = 0  # how many times the database was asked


async def load_from_db(user_id: int) -> str:
    """A slow query: 0.2 s."""
    global loads
    loads += 1
    await asyncio.sleep(0.2)
    return "Ada Lovelace"


# playground:hide-end
cache: dict[int, str] = {}


async def get_profile(user_id: int) -> str:
    if user_id not in cache:  # check
        cache[user_id] = await load_from_db(user_id)  # act, after an await
    return cache[user_id]


async def handle_request(user_id: int) -> str:
    return await get_profile(user_id)


async def main() -> None:
    names = await asyncio.gather(*(handle_request(1) for _ in range(5)))
    print(f"{len(names)} requests answered: {', '.join(set(names))}")
    print(f"database loads: {loads}")


asyncio.run(main())
