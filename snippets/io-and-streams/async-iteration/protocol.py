import asyncio

NAMES = {1: "Ada Lovelace", 2: "Alan Turing", 3: "Grace Hopper"}


class Users:
    """The same stream written as a class: the protocol that async for calls."""

    def __init__(self, ids: list[int]) -> None:
        self._ids = iter(ids)

    def __aiter__(self) -> "Users":  # a plain method that returns the iterator
        return self

    async def __anext__(self) -> str:  # a coroutine: async for awaits it each time
        user_id = next(self._ids, None)
        if user_id is None:
            raise StopAsyncIteration  # ends the async for loop
        print(f"fetching user {user_id}")
        await asyncio.sleep(0.1)
        return NAMES[user_id]


async def main() -> None:
    async for name in Users([1, 2, 3]):
        print(f"got {name}")
    print("done")


asyncio.run(main())
