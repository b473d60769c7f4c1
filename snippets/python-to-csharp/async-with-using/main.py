import asyncio


class Connection:
    """A pretend database connection: opening and closing both take time."""

    async def __aenter__(self) -> "Connection":
        await asyncio.sleep(0.1)
        print("open")
        return self

    async def __aexit__(self, exc_type, exc, tb) -> None:
        await asyncio.sleep(0.1)  # e.g. tell the server goodbye
        print("close")  # returning None lets any exception propagate

    async def query_name(self, user_id: int) -> str:
        await asyncio.sleep(0.1)
        if user_id != 1:
            raise LookupError(f"no user {user_id}")
        return "Ada Lovelace"


async def main() -> None:
    async with Connection() as conn:
        print(f"user 1: {await conn.query_name(1)}")

    try:
        async with Connection() as conn:
            await conn.query_name(99)
    except LookupError as e:
        print(f"error: {e}")  # the connection was closed before we got here


asyncio.run(main())
