import asyncio
import time

NAMES = {1: "Ada Lovelace", 3: "Grace Hopper"}


async def get_user(user_id: int, seconds: float) -> str:
    await asyncio.sleep(seconds)
    if user_id not in NAMES:
        raise LookupError(f"no user {user_id}")
    print(f"  fetch {user_id}: done")
    return NAMES[user_id]


def outcome(task: asyncio.Task) -> str:
    if task.cancelled():
        return "cancelled"
    error = task.exception()
    return f"failed: {error}" if error else task.result()


async def main() -> None:
    print("TaskGroup")
    start = time.perf_counter()
    calls = {1: 1.0, 99: 0.5, 3: 1.5}
    tasks: dict[int, asyncio.Task[str]] = {}
    try:
        async with asyncio.TaskGroup() as group:  # Python 3.11
            for user_id, seconds in calls.items():
                tasks[user_id] = group.create_task(get_user(user_id, seconds))
    except* LookupError as group_error:  # the errors arrive in an ExceptionGroup
        errors = [str(e) for e in group_error.exceptions]
        print(f"  raised after {time.perf_counter() - start:.1f} s: {errors}")
    for user_id, task in tasks.items():
        print(f"  user {user_id}: {outcome(task)}")


asyncio.run(main())
