using System.Diagnostics;
using System.Globalization;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture; // print 0.1, never 0,1
const int N = 100; // waits of 0.1 s each

static Task WaitAsync() => Task.Delay(100); // stands in for one slow call

var clock = Stopwatch.StartNew();
for (int i = 0; i < N; i++)
    await WaitAsync(); // one after another
// Whole seconds here: each timer fires a little late, and 100 small delays add up.
Console.WriteLine($"sequential, await in a loop: {N} waits of 0.1 s took {clock.Elapsed.TotalSeconds:F0} s");

clock.Restart();
await Task.WhenAll(Enumerable.Range(0, N).Select(_ => WaitAsync())); // all 100 in flight at once
Console.WriteLine($"concurrent, Task.WhenAll: {N} waits of 0.1 s took {clock.Elapsed.TotalSeconds:F1} s");
