using System.Diagnostics;
using System.Globalization;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture; // print 1.5, never 1,5
var names = new Dictionary<int, string> { [1] = "Ada Lovelace", [2] = "Alan Turing", [3] = "Grace Hopper" };
int[] ids = [1, 2, 3];

async Task<string> GetUserAsync(int id)
{
    await Task.Delay(500); // one slow call
    return names[id];
}

var clock = Stopwatch.StartNew();
var result = new List<string>();
foreach (int id in ids)
    result.Add(await GetUserAsync(id)); // each call waits for the one before
Console.WriteLine($"await in a loop: {string.Join(", ", result)} (took {clock.Elapsed.TotalSeconds:F1} s)");

clock.Restart();
result.Clear();
IEnumerable<Task<string>> lazy = ids.Select(id => GetUserAsync(id)); // LINQ is deferred: nothing has started
foreach (Task<string> task in lazy) // each step of the loop starts one call
    result.Add(await task);
Console.WriteLine($"lazy Select, then await: {string.Join(", ", result)} (took {clock.Elapsed.TotalSeconds:F1} s)");

clock.Restart();
List<Task<string>> started = ids.Select(id => GetUserAsync(id)).ToList(); // ToList runs the Select: all start
string[] all = await Task.WhenAll(started);
Console.WriteLine($"ToList, then WhenAll: {string.Join(", ", all)} (took {clock.Elapsed.TotalSeconds:F1} s)");
