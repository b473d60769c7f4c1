import asyncio
from concurrent.futures import ProcessPoolExecutor

LIMIT = 1_000_000  # smaller than in the other languages: CPython is slower at this
CHUNKS = [(i * LIMIT // 4, (i + 1) * LIMIT // 4) for i in range(4)]


def is_prime(n: int) -> bool:  # plain trial division: pure CPU work
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    d = 3
    while d * d <= n:
        if n % d == 0:
            return False
        d += 2
    return True


def count_primes(lo: int, hi: int) -> int:
    return sum(1 for n in range(lo, hi) if is_prime(n))


async def count_on_loop(i: int, lo: int, hi: int, events: list[str]) -> int:
    events.append(f"start {i}")
    count = count_primes(lo, hi)  # no await inside: nothing else runs meanwhile
    events.append(f"end {i}")
    return count


async def main() -> None:
    print(f"primes below {LIMIT:,}, counted three ways")
    print(f"sequential:     {count_primes(0, LIMIT)}, one thread")

    events: list[str] = []
    counts = await asyncio.gather(*(count_on_loop(i, lo, hi, events) for i, (lo, hi) in enumerate(CHUNKS, 1)))
    print(f"asyncio.gather: {sum(counts)}, one chunk at a time: {', '.join(events)}")

    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor() as pool:  # one process per core: each has its own interpreter and GIL
        counts = await asyncio.gather(*(loop.run_in_executor(pool, count_primes, lo, hi) for lo, hi in CHUNKS))
    print(f"process pool:   {sum(counts)}, chunks in parallel")


if __name__ == "__main__":  # needed where worker processes re-import this file
    asyncio.run(main())
