using System.Globalization;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture; // print 5,000,000 with commas, whatever the locale
const int Limit = 5_000_000;
var chunks = Enumerable.Range(0, 4).Select(i => (Lo: i * (Limit / 4), Hi: (i + 1) * (Limit / 4))).ToArray();

static bool IsPrime(int n) // plain trial division: pure CPU work
{
    if (n < 2) return false;
    if (n % 2 == 0) return n == 2;
    for (int d = 3; d * d <= n; d += 2)
        if (n % d == 0) return false;
    return true;
}

static int CountPrimes(int lo, int hi)
{
    int count = 0;
    for (int n = lo; n < hi; n++)
        if (IsPrime(n)) count++;
    return count;
}

Console.WriteLine($"primes below {Limit:N0}, counted three ways");
Console.WriteLine($"sequential:      {CountPrimes(0, Limit)}, one thread");

var events = new List<string>();
#pragma warning disable CS1998 // an async method with no await runs synchronously: that is the point here
async Task<int> CountAsync(int i, int lo, int hi)
{
    events.Add($"start {i}");
    int count = CountPrimes(lo, hi);
    events.Add($"end {i}");
    return count;
}
#pragma warning restore CS1998
int[] counts = await Task.WhenAll(chunks.Select((c, i) => CountAsync(i + 1, c.Lo, c.Hi)));
Console.WriteLine($"async, no await: {counts.Sum()}, one chunk at a time: {string.Join(", ", events)}");

int[] parallel = await Task.WhenAll(chunks.Select(c => Task.Run(() => CountPrimes(c.Lo, c.Hi)))); // thread pool
Console.WriteLine($"Task.Run:        {parallel.Sum()}, chunks in parallel");
