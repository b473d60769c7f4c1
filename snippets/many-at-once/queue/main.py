import asyncio
import time

ITEMS = 6


async def produce(queue: asyncio.Queue, consumers: int) -> None:
    for item in range(1, ITEMS + 1):
        await queue.put(item)  # waits while the queue is full
    for _ in range(consumers):
        await queue.put(None)  # one "no more work" marker per consumer


async def consume(queue: asyncio.Queue, handled: list[int]) -> None:
    while (item := await queue.get()) is not None:  # waits while the queue is empty
        await asyncio.sleep(0.3)  # handling one item takes 0.3 s
        handled.append(item)


async def run(consumers: int) -> None:
    queue: asyncio.Queue[int | None] = asyncio.Queue(maxsize=2)
    handled: list[int] = []
    start = time.perf_counter()
    await asyncio.gather(produce(queue, consumers), *(consume(queue, handled) for _ in range(consumers)))
    label = "consumer" if consumers == 1 else "consumers"
    print(f"{consumers} {label}: {len(handled)} items in {time.perf_counter() - start:.1f} s")


async def main() -> None:
    await run(consumers=1)
    await run(consumers=2)


asyncio.run(main())
