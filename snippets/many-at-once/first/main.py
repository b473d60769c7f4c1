import asyncio
import time

MIRRORS = {"a": 0.3, "b": 0.1, "c": 0.2}  # three copies of the same data, and how slow each is


async def fetch(mirror: str) -> str:
    await asyncio.sleep(MIRRORS[mirror])
    print(f"  {mirror} replied")
    return f"report from {mirror}"


async def main() -> None:
    start = time.perf_counter()
    tasks = [asyncio.create_task(fetch(m)) for m in MIRRORS]
    # Returns as soon as one task is done, finished or failed. done may hold more than one.
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    winner = done.pop().result()
    print(f"winner: {winner} after {time.perf_counter() - start:.1f} s")
    for task in pending:
        task.cancel()  # asyncio.wait cancels nothing by itself
    await asyncio.wait(pending)  # let the cancelled tasks finish unwinding
    print(f"all done after {time.perf_counter() - start:.1f} s")


asyncio.run(main())
