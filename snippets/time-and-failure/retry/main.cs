using System.Globalization;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture; // print 0.1, never 0,1
int calls = 0;

// Fails twice, then works: a stand-in for a service that is briefly down.
async Task<string> FlakyFetchAsync()
{
    calls++;
    await Task.Delay(100);
    if (calls < 3) throw new HttpRequestException("service unavailable");
    return "report";
}

async Task<T> RetryAsync<T>(Func<Task<T>> operation, int attempts = 4, double delaySeconds = 0.1)
{
    for (int attempt = 1; ; attempt++)
    {
        try
        {
            return await operation();
        }
        catch (HttpRequestException e) when (attempt < attempts) // on the last attempt, the error goes to the caller
        {
            Console.WriteLine($"attempt {attempt} failed ({e.Message}); retrying in {delaySeconds:F1} s");
        }
        await Task.Delay(TimeSpan.FromSeconds(delaySeconds)); // waits without holding a thread
        delaySeconds *= 2; // exponential backoff: 0.1 s, 0.2 s, 0.4 s
    }
}

string result = await RetryAsync(FlakyFetchAsync);
Console.WriteLine($"got {result} on attempt {calls}");
