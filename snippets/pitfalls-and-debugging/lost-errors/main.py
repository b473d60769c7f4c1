import asyncio
from typing import Any


async def send_welcome(email: str) -> None:
    await asyncio.sleep(0.1)  # stands in for talking to a mail server
    raise ConnectionError(f"mail server refused {email}")


def report(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
    # The default handler logs the same thing to stderr, with a traceback.
    print(f"exception handler: {context['message']} ({context['exception']})")


async def main() -> None:
    asyncio.get_running_loop().set_exception_handler(report)

    # Fire and forget: the task fails and nobody awaits it. asyncio reports the
    # lost error when the finished task is garbage-collected.
    asyncio.create_task(send_welcome("ada@example.com"))
    await asyncio.sleep(0.5)
    print("fire and forget: main saw no error")

    try:
        await send_welcome("alan@example.com")
    except ConnectionError as e:
        print(f"awaited: caught {type(e).__name__}: {e}")


asyncio.run(main())
