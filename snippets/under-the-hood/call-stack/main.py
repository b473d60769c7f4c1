import asyncio
import inspect


async def fetch_user() -> str:
    print("fetch_user: waits 0.1 s")
    await asyncio.sleep(0.1)
    print("fetch_user: resumed, returns")
    return "Ada Lovelace"


async def load_user() -> str:
    print("load_user: awaits fetch_user()")
    name = await fetch_user()
    print(f"load_user: resumed with {name}")
    return name


async def handle() -> str:
    print("handle: awaits load_user()")
    name = await load_user()
    print(f"handle: resumed with {name}")
    return name


def suspended_chain(coro) -> str:
    # A suspended coroutine keeps what it is awaiting in cr_await: follow the links.
    names = []
    while inspect.iscoroutine(coro):
        names.append(coro.cr_code.co_name)
        coro = coro.cr_await  # after sleep() comes the iterator of a Future
    return " -> ".join(names)


async def main() -> None:
    task = asyncio.create_task(handle())
    await asyncio.sleep(0.05)  # let it run until everything inside is waiting
    print(f"main: the task waits in {suspended_chain(task.get_coro())}")
    print(f"main: {await task}")


asyncio.run(main())
