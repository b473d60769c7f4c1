import asyncio
import time

NAMES = {1: "Ada Lovelace", 2: "Alan Turing"}


def legacy_lookup(user_id: int) -> str:
    """A synchronous library call, e.g. an old database driver: it blocks for 1 s."""
    time.sleep(1)
    return NAMES[user_id]


async def lookup_blocking(user_id: int) -> str:
    return legacy_lookup(user_id)  # runs on the event loop's thread and stalls it


async def lookup_offloaded(user_id: int) -> str:
    return await asyncio.to_thread(legacy_lookup, user_id)  # runs on a worker thread


async def main() -> None:
    for label, lookup in (("blocking", lookup_blocking), ("offloaded", lookup_offloaded)):
        start = time.perf_counter()
        names = await asyncio.gather(lookup(1), lookup(2))
        print(f"{label}: {', '.join(names)} (took {time.perf_counter() - start:.1f} s)")


asyncio.run(main())
