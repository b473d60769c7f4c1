using System.Diagnostics;
using System.Globalization;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture; // print 3.0, never 3,0
var names = new Dictionary<int, string> { [1] = "Ada Lovelace", [2] = "Alan Turing", [3] = "Grace Hopper" };

async Task<string> GetUserAsync(int id)
{
    await Task.Delay(1000); // one slow call
    return names[id];
}

var clock = Stopwatch.StartNew();
var sequential = new List<string>();
foreach (int id in new[] { 1, 2, 3 })
    sequential.Add(await GetUserAsync(id)); // one after another
Console.WriteLine($"sequential: {string.Join(", ", sequential)} (took {clock.Elapsed.TotalSeconds:F1} s)");

clock.Restart();
string[] concurrent = await Task.WhenAll(GetUserAsync(1), GetUserAsync(2), GetUserAsync(3)); // all at once
Console.WriteLine($"concurrent: {string.Join(", ", concurrent)} (took {clock.Elapsed.TotalSeconds:F1} s)");
