using System.Diagnostics;
using System.Globalization;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture; // print 0.1, never 0,1

async Task RunAsync(string label, Func<Task> pause)
{
    var clock = Stopwatch.StartNew();
    Task timer = ReportAfterAsync(label, clock); // a timer, due in 0.1 s
    await pause(); // then one second of "work"
    await timer;
}

async Task ReportAfterAsync(string label, Stopwatch clock)
{
    await Task.Delay(100);
    // With no SynchronizationContext, this runs on a thread-pool thread,
    // whatever the thread that called RunAsync is doing.
    Console.WriteLine($"{label}: timer due at 0.1 s ran at {clock.Elapsed.TotalSeconds:F1} s");
}

// Thread.Sleep blocks the calling thread, but a console app has no single
// event loop, so the timer still runs on time. The cost is a blocked thread.
await RunAsync("Thread.Sleep", () => { Thread.Sleep(1000); return Task.CompletedTask; });
await RunAsync("Task.Delay", () => Task.Delay(1000));
