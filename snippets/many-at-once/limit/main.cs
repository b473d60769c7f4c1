using System.Diagnostics;
using System.Globalization;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture; // print 0.5, never 0,5
int running = 0, peak = 0;
object counterLock = new(); // continuations may run on several thread-pool threads at once

async Task JobAsync()
{
    lock (counterLock) { running++; peak = Math.Max(peak, running); }
    await Task.Delay(500); // one slow call
    lock (counterLock) { running--; }
}

async Task BoundedJobAsync(SemaphoreSlim semaphore)
{
    await semaphore.WaitAsync(); // waits here while 2 jobs hold the semaphore
    try
    {
        await JobAsync();
    }
    finally
    {
        semaphore.Release();
    }
}

var clock = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => JobAsync()));
Console.WriteLine($"unbounded: 6 jobs, at most {peak} at once, took {clock.Elapsed.TotalSeconds:F1} s");

peak = 0;
using var slots = new SemaphoreSlim(2);
clock.Restart();
await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => BoundedJobAsync(slots)));
Console.WriteLine($"bounded: 6 jobs, at most {peak} at once, took {clock.Elapsed.TotalSeconds:F1} s");
