using System.Diagnostics;
using System.Globalization;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture; // print 0.5, never 0,5
int balance = 0;

async Task DepositAsync(int amount)
{
    int current = balance; // read
    await Task.Delay(100); // e.g. a round trip to the database: other code runs now
    balance = current + amount; // write, from a value that may be stale by now
}

// `lock` cannot contain an await, but a SemaphoreSlim with one slot can be held across one.
async Task DepositLockedAsync(SemaphoreSlim gate, int amount)
{
    await gate.WaitAsync();
    try
    {
        await DepositAsync(amount);
    }
    finally
    {
        gate.Release();
    }
}

var clock = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => DepositAsync(10)));
Console.WriteLine($"no lock: 5 deposits of 10, balance {balance} after {clock.Elapsed.TotalSeconds:F1} s");

balance = 0;
using var gate = new SemaphoreSlim(1, 1);
clock.Restart();
await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => DepositLockedAsync(gate, 10)));
Console.WriteLine($"SemaphoreSlim(1, 1): 5 deposits of 10, balance {balance} after {clock.Elapsed.TotalSeconds:F1} s");
