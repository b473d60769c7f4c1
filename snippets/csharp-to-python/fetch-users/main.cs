using System.Net.Http.Json;

// One HttpClient for every request: it keeps a pool of open connections.
// `using` disposes it at the end, as `async with ClientSession()` does.
using HttpClient client = new() { BaseAddress = new Uri("http://127.0.0.1:8765") };

// ?delay=500: the demo API waits half a second before it answers.
// GetFromJsonAsync throws HttpRequestException on a 4xx or 5xx status.
async Task<User> GetUserAsync(int id) =>
    await client.GetFromJsonAsync<User>($"/api/users/{id}?delay=500")
        ?? throw new InvalidOperationException($"user {id}: the body was null");

User[] users = await Task.WhenAll(new[] { 1, 2, 3 }.Select(id => GetUserAsync(id)));
foreach (User user in users)
    Console.WriteLine($"{user.Id}: {user.Name} <{user.Email}>");

// JSON "name" fills Name: GetFromJsonAsync matches names case-insensitively.
record User(int Id, string Name, string Email);
