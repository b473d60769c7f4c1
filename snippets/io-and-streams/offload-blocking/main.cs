using System.Diagnostics;
using System.Globalization;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture; // print 1.0, never 1,0
var names = new Dictionary<int, string> { [1] = "Ada Lovelace", [2] = "Alan Turing" };

// A synchronous library call, e.g. an old database driver: it blocks its thread for 1 s.
string LegacyLookup(int id)
{
    Thread.Sleep(1000);
    return names[id];
}

// Looks async, but the blocking call runs on the caller's thread before the Task comes back.
Task<string> LookupBlockingAsync(int id) => Task.FromResult(LegacyLookup(id));

// Task.Run queues the call to the thread pool and hands back a running Task at once.
Task<string> LookupOffloadedAsync(int id) => Task.Run(() => LegacyLookup(id));

var clock = Stopwatch.StartNew();
string[] result = await Task.WhenAll(LookupBlockingAsync(1), LookupBlockingAsync(2));
Console.WriteLine($"blocking: {string.Join(", ", result)} (took {clock.Elapsed.TotalSeconds:F1} s)");

clock.Restart();
result = await Task.WhenAll(LookupOffloadedAsync(1), LookupOffloadedAsync(2));
Console.WriteLine($"offloaded: {string.Join(", ", result)} (took {clock.Elapsed.TotalSeconds:F1} s)");
