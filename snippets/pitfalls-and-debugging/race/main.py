import asyncio
import time

balance = 0


async def deposit(amount: int) -> None:
    global balance
    current = balance  # read
    await asyncio.sleep(0.1)  # e.g. a round trip to the database: other tasks run now
    balance = current + amount  # write, from a value that may be stale by now


async def deposit_locked(lock: asyncio.Lock, amount: int) -> None:
    async with lock:  # one task at a time from the read to the write
        await deposit(amount)


async def main() -> None:
    global balance
    start = time.perf_counter()
    await asyncio.gather(*(deposit(10) for _ in range(5)))
    print(f"no lock: 5 deposits of 10, balance {balance} after {time.perf_counter() - start:.1f} s")

    balance = 0
    lock = asyncio.Lock()
    start = time.perf_counter()
    await asyncio.gather(*(deposit_locked(lock, 10) for _ in range(5)))
    print(f"asyncio.Lock: 5 deposits of 10, balance {balance} after {time.perf_counter() - start:.1f} s")


asyncio.run(main())
