var names = new Dictionary<int, string> { [1] = "Ada Lovelace", [3] = "Grace Hopper" };

async Task<string> GetUserAsync(int id, int ms)
{
    await Task.Delay(ms);
    return names.TryGetValue(id, out string? name) ? name : throw new KeyNotFoundException($"no user {id}");
}

// Users 99 and 98 do not exist; user 3 is the slowest.
Task<string>[] Jobs() => [GetUserAsync(1, 100), GetUserAsync(99, 200), GetUserAsync(98, 300), GetUserAsync(3, 400)];

// One await: the exception comes out of it, as from a plain call.
try
{
    await GetUserAsync(99, 100);
}
catch (KeyNotFoundException e)
{
    Console.WriteLine($"try/catch: {e.Message}");
}

// WhenAll waits for every task. await rethrows only the first exception;
// the task's Exception property, an AggregateException, holds them all.
Task<string>[] tasks = Jobs();
Task<string[]> all = Task.WhenAll(tasks);
try
{
    await all;
}
catch (KeyNotFoundException e)
{
    Console.WriteLine($"await Task.WhenAll threw: {e.Message}");
    var messages = all.Exception!.InnerExceptions.Select(x => x.Message);
    Console.WriteLine($"  all.Exception holds: {string.Join(", ", messages)}");
}

// Each task still knows its own outcome, like Promise.allSettled.
var outcomes = tasks.Select(t => t.IsCompletedSuccessfully ? t.Result : $"error: {t.Exception!.InnerException!.Message}");
Console.WriteLine($"one by one: {string.Join(", ", outcomes)}");
