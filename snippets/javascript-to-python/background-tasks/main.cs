using System.Diagnostics;
using System.Globalization;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture; // print 1.0, never 1,0

async Task<string> GetUserAsync(int id)
{
    await Task.Delay(1000);
    return "Ada Lovelace";
}

async Task SendNotificationAsync(int id)
{
    await Task.Delay(200);
    throw new IOException("mail server is down");
}

// Awaits the task so that its failure is seen and reported, not lost.
async Task ReportFailureAsync(Task task)
{
    try
    {
        await task;
    }
    catch (Exception e)
    {
        Console.WriteLine($"  background job failed: {e.Message}");
    }
}

var clock = Stopwatch.StartNew();
Task<string> fetching = GetUserAsync(1); // already running
_ = ReportFailureAsync(SendNotificationAsync(1)); // `_ =`: not awaited, on purpose
Console.WriteLine("fetch started; 0.5 s of other work");
await Task.Delay(500);
Console.WriteLine("other work done; awaiting the fetch");
string name = await fetching; // it has been running all along
Console.WriteLine($"got {name} after {clock.Elapsed.TotalSeconds:F1} s");
