using System.Diagnostics;
using System.Globalization;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture; // print 0.2, never 0,2
var clock = Stopwatch.StartNew();
double Now() => clock.Elapsed.TotalSeconds;

async Task TickerAsync()
{
    double last = 0;
    for (int i = 1; i <= 5; i++)
    {
        await Task.Delay(200);
        double t = Now();
        string late = t - last > 0.3 ? $" (due at {last + 0.2:F1} s)" : "";
        Console.WriteLine($"tick {i} at {t:F1} s{late}");
        last = t;
    }
}

async Task CpuStepAsync()
{
    await Task.Delay(300); // resumes on a thread-pool thread
    Console.WriteLine($"cpu: 0.6 s of computation starts at {Now():F1} s");
    var spin = Stopwatch.StartNew();
    while (spin.Elapsed.TotalSeconds < 0.6) { } // stands in for computing; holds this pool thread only
    Console.WriteLine($"cpu: done at {Now():F1} s");
}

await Task.WhenAll(TickerAsync(), CpuStepAsync());
