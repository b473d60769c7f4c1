using System.Net.Http.Json;

// One HttpClient for every request: it keeps a pool of open connections.
HttpClient client = new() { BaseAddress = new Uri("http://127.0.0.1:8765") };

async Task<string> FetchAndPrintAsync(int id, int delayMs)
{
    // GetFromJsonAsync throws HttpRequestException on a 4xx or 5xx status.
    User user = await client.GetFromJsonAsync<User>($"/api/users/{id}?delay={delayMs}")
        ?? throw new InvalidOperationException($"user {id}: the body was null");
    Console.WriteLine($"arrived: {user.Name}");
    return user.Name;
}

// The server waits delayMs before it answers, so the replies come back in a different order.
string[] names = await Task.WhenAll(FetchAndPrintAsync(1, 900), FetchAndPrintAsync(2, 100), FetchAndPrintAsync(3, 500));
Console.WriteLine($"in request order: {string.Join(", ", names)}");

record User(int Id, string Name, string Email);
