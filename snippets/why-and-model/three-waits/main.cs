using System.Diagnostics;
using System.Globalization;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture; // print 1.0, never 1,0
var clock = new Stopwatch();

void Show(int n, (double Start, double End) span)
{
    int a = (int)Math.Round(span.Start * 10), b = (int)Math.Round(span.End * 10); // one # per tenth
    Console.WriteLine($"  wait {n}  {a / 10.0:F1}-{b / 10.0:F1} s  {new string(' ', a)}{new string('#', b - a)}");
}

async Task<(double Start, double End)> WaitAsync()
{
    double start = clock.Elapsed.TotalSeconds;
    await Task.Delay(1000); // no thread is held while the delay runs
    return (start, clock.Elapsed.TotalSeconds);
}

Console.WriteLine("sequential, await in a loop:");
clock.Restart();
foreach (int n in new[] { 1, 2, 3 })
    Show(n, await WaitAsync()); // the next wait starts when this one ends
Console.WriteLine($"  took {clock.Elapsed.TotalSeconds:F1} s");

Console.WriteLine("concurrent, Task.WhenAll:");
clock.Restart();
var spans = await Task.WhenAll(WaitAsync(), WaitAsync(), WaitAsync()); // all three started at once
for (int i = 0; i < spans.Length; i++)
    Show(i + 1, spans[i]);
Console.WriteLine($"  took {clock.Elapsed.TotalSeconds:F1} s");
