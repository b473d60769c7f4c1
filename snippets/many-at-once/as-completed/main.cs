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
List<Task<string>> pending = downloads.Select(d => DownloadAsync(d.Name, d.Ms)).ToList();
while (pending.Count > 0)
{
    Task<string> next = await Task.WhenAny(pending); // the first of those still pending
    pending.Remove(next);
    Console.WriteLine($"{await next} done after {clock.Elapsed.TotalSeconds:F1} s");
}
