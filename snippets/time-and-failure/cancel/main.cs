async Task DownloadAsync(int chunks, CancellationToken token)
{
    try
    {
        for (int chunk = 1; chunk <= chunks; chunk++)
        {
            await Task.Delay(200, token); // throws TaskCanceledException once the token is cancelled
            Console.WriteLine($"  chunk {chunk} saved");
        }
    }
    catch (OperationCanceledException)
    {
        Console.WriteLine("  cancelled while waiting");
        throw; // rethrow, so the task ends up Canceled rather than completed
    }
    finally
    {
        Console.WriteLine("  clean-up: partial file removed");
    }
}

using var cts = new CancellationTokenSource();
Task download = DownloadAsync(10, cts.Token);
await Task.Delay(500);
Console.WriteLine("cancel requested");
cts.Cancel(); // only a request: the method stops where it checks or passes on the token
try
{
    await download;
}
catch (OperationCanceledException)
{
    Console.WriteLine($"download cancelled: {download.IsCanceled}");
}
