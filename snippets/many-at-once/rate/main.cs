using System.Diagnostics;
using System.Globalization;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture; // print 0.2, never 0,2
var limiter = new RateLimiter(5);
int running = 0; // calls running right now
object counterLock = new(); // continuations may run on several thread-pool threads at once
var clock = Stopwatch.StartNew();

async Task CallAsync()
{
    await limiter.WaitAsync();
    int now;
    lock (counterLock) now = ++running;
    Console.WriteLine($"call started at {clock.Elapsed.TotalSeconds:F1} s, {now} running");
    await Task.Delay(500); // the call itself takes half a second
    lock (counterLock) running--;
}

await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => CallAsync()));
Console.WriteLine($"5 calls at 5 per second took {clock.Elapsed.TotalSeconds:F1} s");

// Lets calls start at most perSecond times a second, evenly spaced.
// (The System.Threading.RateLimiting package has ready-made limiters.)
class RateLimiter
{
    private readonly TimeSpan interval;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly object gate = new();
    private TimeSpan nextStart = TimeSpan.Zero; // the time at which the next call may start

    public RateLimiter(int perSecond) => interval = TimeSpan.FromSeconds(1.0 / perSecond);

    public Task WaitAsync()
    {
        TimeSpan delay;
        lock (gate) // callers may arrive on several threads at once
        {
            TimeSpan now = clock.Elapsed;
            TimeSpan start = now > nextStart ? now : nextStart;
            nextStart = start + interval;
            delay = start - now;
        }
        return Task.Delay(delay);
    }
}
