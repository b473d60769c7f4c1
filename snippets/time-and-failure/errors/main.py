import asyncio

NAMES = {1: "Ada Lovelace", 3: "Grace Hopper"}


async def get_user(user_id: int, seconds: float) -> str:
    await asyncio.sleep(seconds)
    if user_id not in NAMES:
        raise LookupError(f"no user {user_id}")
    return NAMES[user_id]


def jobs() -> list:  # users 99 and 98 do not exist; user 3 is the slowest
    return [get_user(1, 0.1), get_user(99, 0.2), get_user(98, 0.3), get_user(3, 0.4)]


async def main() -> None:
    # One await: the exception comes out of it, as from a plain call.
    try:
        await get_user(99, 0.1)
    except LookupError as e:
        print(f"try/except: {e}")

    # gather(return_exceptions=True): errors come back as values, in order.
    results = await asyncio.gather(*jobs(), return_exceptions=True)
    print(f"gather(return_exceptions=True): {results}")

    # Plain gather raises the first error, but cancels nothing.
    tasks = [asyncio.create_task(job) for job in jobs()]
    try:
        await asyncio.gather(*tasks)
    except LookupError as e:
        print(f"gather raised: {e}; user 3 still running: {not tasks[3].done()}")
    print(f"  and later returned: {await tasks[3]}")

    # TaskGroup cancels the rest at the first error and raises an ExceptionGroup.
    try:
        async with asyncio.TaskGroup() as group:
            tasks = [group.create_task(job) for job in jobs()]
    except* LookupError as eg:
        print(f"TaskGroup raised: {[str(e) for e in eg.exceptions]}")
        print(f"  user 98 cancelled: {tasks[2].cancelled()}, user 3 cancelled: {tasks[3].cancelled()}")


asyncio.run(main())
