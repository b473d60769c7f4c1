import inspect
import time


class Delay:
    """A minimal awaitable. Like asyncio.Future, it suspends by yielding itself."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds

    def __await__(self):
        yield self  # suspend: this object goes out to whoever called send()


async def lookup(user_id: int) -> str:
    # Never suspends, so awaiting it is just a call.
    if user_id != 1:
        raise LookupError(f"no user {user_id}")
    return "Ada Lovelace"


async def get_user(user_id: int) -> str:
    print("  body: started, awaiting Delay(0.1)")
    await Delay(0.1)
    print(f"  body: resumed, awaiting lookup({user_id})")
    return await lookup(user_id)


# No event loop: this code plays the loop's part and drives the coroutine by hand.
for user_id in (1, 99):
    print(f"get_user({user_id}):")
    coro = get_user(user_id)  # runs nothing yet
    print(f"  driver: got a {type(coro).__name__}, {inspect.getcoroutinestate(coro)}")
    request = coro.send(None)  # run the body up to its first suspension
    print(f"  driver: send(None) gave back Delay({request.seconds}), {inspect.getcoroutinestate(coro)}")
    time.sleep(request.seconds)  # a real loop would run other tasks meanwhile
    try:
        coro.send(None)  # resume the body where it stopped
    except StopIteration as stop:  # the body returned
        print(f"  driver: StopIteration, value = {stop.value!r}")
    except LookupError as e:  # the body raised
        print(f"  driver: send(None) raised LookupError: {e}")
