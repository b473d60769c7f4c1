using System.Diagnostics;
using System.Globalization;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture; // print 1.0, never 1,0

// Runs work() while a heartbeat tries to tick every 0.3 s.
async Task CountTicksAsync(string label, Func<Task> work)
{
    int ticks = 0;
    using var stop = new CancellationTokenSource();
    async Task HeartbeatAsync()
    {
        try
        {
            while (true)
            {
                await Task.Delay(300, stop.Token);
                Interlocked.Increment(ref ticks); // may run on any thread-pool thread
            }
        }
        catch (OperationCanceledException) { }
    }

    Task heartbeat = HeartbeatAsync();
    var clock = Stopwatch.StartNew();
    await work();
    stop.Cancel();
    await heartbeat;
    Console.WriteLine($"{label,-26} took {clock.Elapsed.TotalSeconds:F1} s, heartbeat ticked {Volatile.Read(ref ticks)} times");
}

// A blocking call holds one thread; the heartbeat's continuations run on others.
await CountTicksAsync("Thread.Sleep(1000)", () => { Thread.Sleep(1000); return Task.CompletedTask; });
await CountTicksAsync("await Task.Delay(1000)", () => Task.Delay(1000));
await CountTicksAsync("await Task.Run(Sleep)", () => Task.Run(() => Thread.Sleep(1000)));
