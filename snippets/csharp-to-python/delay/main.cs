using System.Diagnostics;
using System.Globalization;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture; // print 1.0, never 1,0

async Task BrewAsync(string name, TimeSpan delay, Stopwatch clock)
{
    await Task.Delay(delay); // no thread is held while it waits
    Console.WriteLine($"  {name} ready at {clock.Elapsed.TotalSeconds:F1} s");
}

Console.WriteLine("sequential");
var clock = Stopwatch.StartNew();
await BrewAsync("tea", TimeSpan.FromSeconds(1.0), clock);
await BrewAsync("toast", TimeSpan.FromSeconds(0.5), clock); // starts only after the tea is done

Console.WriteLine("concurrent");
clock.Restart();
// Each call starts its delay at once; WhenAll only waits for both.
await Task.WhenAll(BrewAsync("tea", TimeSpan.FromSeconds(1.0), clock),
                   BrewAsync("toast", TimeSpan.FromSeconds(0.5), clock));
