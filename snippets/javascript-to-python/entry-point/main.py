import asyncio


async def late_task() -> None:
    try:
        await asyncio.sleep(0.5)
        print("late task: done")
    except asyncio.CancelledError:
        print("late task: cancelled by asyncio.run")
        raise  # let the cancellation finish


async def main() -> str:
    task = asyncio.create_task(late_task())  # started, never awaited
    await asyncio.sleep(0.1)
    print("main: done")
    return "result of main"


# `await main()` out here is a SyntaxError: a .py file has no top-level await
# (the asyncio REPL, `python -m asyncio`, and Jupyter notebooks do allow it).
coro = main()  # in JavaScript this call would run main; here it only builds a coroutine
print(f"main() returned a {type(coro).__name__}; nothing has run yet")
coro.close()  # throw it away unstarted (and without a "never awaited" warning)

# Make an event loop, run main to the end, cancel what is left, close the loop.
result = asyncio.run(main())
print(f"asyncio.run returned: {result}")
