import asyncio
import time

NAMES = {1: "Ada Lovelace", 3: "Grace Hopper"}


async def get_user(user_id: int, seconds: float) -> str:
    await asyncio.sleep(seconds)
    if user_id not in NAMES:
        raise LookupError(f"no user {user_id}")
    print(f"  fetch {user_id}: done")
    return NAMES[user_id]


async def main() -> None:
    print("gather, default")
    start = time.perf_counter()
    try:
        await asyncio.gather(get_user(1, 1.0), get_user(99, 0.5), get_user(3, 1.5))
    except LookupError as e:
        print(f"  raised after {time.perf_counter() - start:.1f} s: {e}")
    await asyncio.sleep(1.5)  # nothing cancelled fetch 1 and 3: watch them finish

    print("gather, return_exceptions=True")
    start = time.perf_counter()
    results = await asyncio.gather(
        get_user(1, 1.0), get_user(99, 0.5), get_user(3, 1.5), return_exceptions=True
    )
    print(f"  returned after {time.perf_counter() - start:.1f} s: {results}")


asyncio.run(main())
