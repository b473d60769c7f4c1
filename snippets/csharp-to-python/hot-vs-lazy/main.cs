using System.Diagnostics;
using System.Globalization;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture; // print 1.0, never 1,0

async Task<string> GetUserAsync(int id)
{
    Console.WriteLine($"  fetch {id}: started"); // runs before the call returns
    await Task.Delay(1000);
    return "Ada Lovelace";
}

var clock = Stopwatch.StartNew();
Task<string> task = GetUserAsync(1); // already running
Console.WriteLine("called GetUserAsync(1); now 1 s of other work");
await Task.Delay(1000);
Console.WriteLine("other work done; awaiting");
string name = await task; // it has been running during the other work
Console.WriteLine($"got {name} after {clock.Elapsed.TotalSeconds:F1} s");
