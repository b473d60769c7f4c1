using System.Diagnostics;
using System.Globalization;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture; // print 0.3, never 0,3
TimeSpan limit = TimeSpan.FromMilliseconds(300);

async Task<string> FetchAsync(string name, int ms, CancellationToken token = default)
{
    try
    {
        await Task.Delay(ms, token);
    }
    catch (OperationCanceledException)
    {
        Console.WriteLine($"  {name} cancelled");
        throw;
    }
    Console.WriteLine($"  {name} finished");
    return $"report from {name}";
}

Console.WriteLine($"WaitAsync: {await FetchAsync("fast", 100).WaitAsync(limit)}");

// WaitAsync stops the waiting, not the work: the fetch has no token and runs on.
var clock = Stopwatch.StartNew();
Task<string> abandoned = FetchAsync("slow", 1000);
try
{
    await abandoned.WaitAsync(limit);
}
catch (TimeoutException)
{
    Console.WriteLine($"WaitAsync: gave up after {clock.Elapsed.TotalSeconds:F1} s");
}

// A token that cancels itself after 0.3 s stops the work itself.
clock.Restart();
using (var cts = new CancellationTokenSource(limit))
{
    try
    {
        await FetchAsync("slow", 1000, cts.Token);
    }
    catch (OperationCanceledException)
    {
        Console.WriteLine($"CancellationTokenSource: gave up after {clock.Elapsed.TotalSeconds:F1} s");
    }
}

Console.WriteLine($"the abandoned fetch still returned: {await abandoned}");
