final int LIMIT = 5_000_000;

boolean isPrime(int n) { // plain trial division: pure CPU work
    if (n < 2) return false;
    if (n % 2 == 0) return n == 2;
    for (int d = 3; d * d <= n; d += 2) {
        if (n % d == 0) return false;
    }
    return true;
}

void main() {
    long count = IntStream.range(0, LIMIT).filter(this::isPrime).count(); // one thread
    IO.println(String.format(Locale.ROOT, "primes below %,d: %d (sequential stream, one thread)", LIMIT, count));
}
