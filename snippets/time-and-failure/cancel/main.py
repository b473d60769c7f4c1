import asyncio


async def download(chunks: int) -> None:
    try:
        for chunk in range(1, chunks + 1):
            await asyncio.sleep(0.2)  # cancel() makes this await raise CancelledError
            print(f"  chunk {chunk} saved")
    except asyncio.CancelledError:
        print("  cancelled while waiting")
        raise  # re-raise: swallowing it would leave the task looking as if it had finished
    finally:
        print("  clean-up: partial file removed")


async def main() -> None:
    task = asyncio.create_task(download(10))
    await asyncio.sleep(0.5)
    print("cancel requested")
    task.cancel()  # only a request: it takes effect at the task's next await
    try:
        await task
    except asyncio.CancelledError:
        print(f"download cancelled: {task.cancelled()}")


asyncio.run(main())
