import asyncio


async def late_task() -> None:
    try:
        await asyncio.sleep(0.5)
        print("late task: done")
    except asyncio.CancelledError:
        print("late task: cancelled when the runner closed")
        raise


async def main() -> str:
    task = asyncio.create_task(late_task())  # started, never awaited
    await asyncio.sleep(0.1)
    print("main: done")
    return "result of main"


# Older tutorials start the loop by hand:
#     loop = asyncio.get_event_loop()
#     loop.run_until_complete(main())
# get_event_loop() where no loop is running or set is deprecated: Python 3.12
# warns, and 3.14 raises RuntimeError. Nothing closes that loop or cancels the
# tasks left on it, either.
# asyncio.Runner (3.11) keeps one loop for several calls and cleans up at the end.
with asyncio.Runner() as runner:
    print(f"first run returned: {runner.run(main())}")
    # The loop lives on between runs: the late task goes on during the next one.
    runner.run(asyncio.sleep(0.5))
    print("second run returned")
# Leaving the block cancels what is still pending and closes the loop.
