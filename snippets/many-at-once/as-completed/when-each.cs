using System.Diagnostics;
using System.Globalization;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture; // print 0.1, never 0,1
(string Name, int Ms)[] downloads = [("big", 300), ("small", 100), ("medium", 200)];

async Task<string> DownloadAsync(string name, int ms)
{
    await Task.Delay(ms);
    return name;
}

var clock = Stopwatch.StartNew();
Task<string>[] tasks = downloads.Select(d => DownloadAsync(d.Name, d.Ms)).ToArray();
// .NET 9: WhenEach yields each task as it completes, as an IAsyncEnumerable.
await foreach (Task<string> next in Task.WhenEach(tasks))
{
    Console.WriteLine($"{await next} done after {clock.Elapsed.TotalSeconds:F1} s");
}
