using System.Diagnostics;
using System.Globalization;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture; // print 1.5, never 1,5
var names = new Dictionary<int, string> { [1] = "Ada Lovelace", [3] = "Grace Hopper" };

async Task<string> GetUserAsync(int id, int milliseconds)
{
    await Task.Delay(milliseconds);
    if (!names.TryGetValue(id, out string? name))
        throw new KeyNotFoundException($"no user {id}");
    Console.WriteLine($"  fetch {id}: done");
    return name;
}

Console.WriteLine("Task.WhenAll");
var clock = Stopwatch.StartNew();
Task<string[]> all = Task.WhenAll(GetUserAsync(1, 1000), GetUserAsync(99, 500), GetUserAsync(3, 1500));
try
{
    await all; // completes only when all three have finished, failed or not
}
catch (KeyNotFoundException e) // await rethrows the first exception, unwrapped
{
    Console.WriteLine($"  threw after {clock.Elapsed.TotalSeconds:F1} s: {e.Message}");
    // Every failure is kept in all.Exception, an AggregateException.
    Console.WriteLine($"  all.Exception holds {all.Exception!.InnerExceptions.Count} error(s)");
}
