import asyncio
import time


async def spinner() -> None:
    while True:
        await asyncio.sleep(0.5)
        print("still waiting...")


async def poll_job() -> str:
    for attempt in range(1, 4):
        time.sleep(0.4)  # was `await setTimeout(400)` in the Node version
        print(f"poll {attempt}: {'done' if attempt == 3 else 'running'}")
    return "report.pdf"


async def main() -> None:
    spin = asyncio.create_task(spinner())
    result = await poll_job()
    spin.cancel()
    print(f"got {result}")


asyncio.run(main())
