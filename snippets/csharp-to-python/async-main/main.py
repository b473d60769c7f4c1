import asyncio
import sys

NAMES = {1: "Ada Lovelace", 2: "Alan Turing"}


# Python's `async Task<string> GetNameAsync(int id)`: the annotation names
# the result, not a wrapper type. Calling it gives a coroutine object.
async def get_name(user_id: int) -> str:
    await asyncio.sleep(0.1)  # Task.Delay(100)
    return NAMES[user_id]


# Sync code can run a coroutine only when no event loop is running in this
# thread: asyncio.run makes a loop, runs the coroutine to the end, closes it.
def get_name_blocking(user_id: int) -> str:
    return asyncio.run(get_name(user_id))


async def main() -> int:
    print(f"main: {await get_name(1)}")
    coro = get_name(2)
    try:
        asyncio.run(coro)  # no GetAwaiter().GetResult() here: a loop is running
    except RuntimeError as e:
        coro.close()  # it never ran; closing it avoids a "never awaited" warning
        print(f"error: {e}")
    return 0


print(f"sync code: {get_name_blocking(2)}")
sys.exit(asyncio.run(main()))  # like `static async Task<int> Main()`
