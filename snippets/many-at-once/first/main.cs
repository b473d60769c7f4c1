using System.Diagnostics;
using System.Globalization;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture; // print 0.1, never 0,1
(string Name, int Ms)[] mirrors = [("a", 300), ("b", 100), ("c", 200)]; // three copies of the same data

async Task<string> FetchAsync(string mirror, int ms, CancellationToken token)
{
    await Task.Delay(ms, token); // throws TaskCanceledException once the token is cancelled
    Console.WriteLine($"  {mirror} replied");
    return $"report from {mirror}";
}

var clock = Stopwatch.StartNew();
using var cts = new CancellationTokenSource();
Task<string>[] tasks = mirrors.Select(m => FetchAsync(m.Name, m.Ms, cts.Token)).ToArray();

// WhenAny hands back the first task to finish, whether it succeeded or failed.
Task<string> first = await Task.WhenAny(tasks);
Console.WriteLine($"winner: {await first} after {clock.Elapsed.TotalSeconds:F1} s");

cts.Cancel(); // WhenAny cancels nothing: ask the others to stop
try
{
    await Task.WhenAll(tasks);
}
catch (OperationCanceledException)
{
    // expected: the two losers ended as cancelled
}
Console.WriteLine($"all done after {clock.Elapsed.TotalSeconds:F1} s");
