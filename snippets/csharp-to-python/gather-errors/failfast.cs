using System.Diagnostics;
using System.Globalization;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture; // print 0.5, never 0,5
var names = new Dictionary<int, string> { [1] = "Ada Lovelace", [3] = "Grace Hopper" };
using var cts = new CancellationTokenSource(); // one token shared by every call

async Task<string> GetUserAsync(int id, int milliseconds, CancellationToken token)
{
    await Task.Delay(milliseconds, token); // throws TaskCanceledException once the token is cancelled
    if (!names.TryGetValue(id, out string? name))
        throw new KeyNotFoundException($"no user {id}");
    Console.WriteLine($"  fetch {id}: done");
    return name;
}

// C# has no TaskGroup: this wrapper cancels the shared token at the first real failure.
async Task<string> CancelOthersOnFailureAsync(Task<string> task)
{
    try
    {
        return await task;
    }
    catch (Exception e) when (e is not OperationCanceledException)
    {
        cts.Cancel();
        throw;
    }
}

string Outcome(Task<string> task) => task.Status switch
{
    TaskStatus.RanToCompletion => task.Result,
    TaskStatus.Faulted => $"failed: {task.Exception!.InnerException!.Message}",
    TaskStatus.Canceled => "cancelled",
    _ => task.Status.ToString().ToLowerInvariant(),
};

Console.WriteLine("fail fast, cancel the rest");
var clock = Stopwatch.StartNew();
int[] ids = { 1, 99, 3 };
Task<string>[] tasks =
{
    GetUserAsync(1, 1000, cts.Token),
    GetUserAsync(99, 500, cts.Token),
    GetUserAsync(3, 1500, cts.Token),
};
try
{
    await Task.WhenAll(tasks.Select(CancelOthersOnFailureAsync));
}
catch (KeyNotFoundException e) // the others end as Canceled, so this is the only error
{
    Console.WriteLine($"  failed after {clock.Elapsed.TotalSeconds:F1} s: {e.Message}");
}
for (int i = 0; i < ids.Length; i++)
    Console.WriteLine($"  user {ids[i]}: {Outcome(tasks[i])}");
