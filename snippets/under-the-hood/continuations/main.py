import asyncio


async def waiter(fut: asyncio.Future) -> None:
    print("2. waiter: awaits a pending future")
    value = await fut
    print(f"6. waiter: resumed with {value!r}")


async def main() -> None:
    loop = asyncio.get_running_loop()
    print("1. main: start")
    fut = loop.create_future()
    task = asyncio.create_task(waiter(fut))  # scheduled, not started
    await asyncio.sleep(0)  # one trip round the loop: the waiter runs up to its await

    print("3. main: calls set_result()")
    fut.set_result("hello")  # only queues the waiter's wake-up with call_soon
    print("4. main: set_result() returned; the waiter has not run yet")

    value = await fut  # already done: no trip to the loop
    print(f"5. main: await on a finished future gave {value!r} at once")

    await asyncio.sleep(0)  # now yield: the queued wake-up runs first
    print("7. main: back after asyncio.sleep(0)")
    await task

    try:
        await 42  # JavaScript wraps 42 in a promise; Python wraps nothing
    except TypeError:
        print("8. main: await 42 raised TypeError: an int is not awaitable")


asyncio.run(main())
