using System.Net.Http.Json;

// One HttpClient for the whole program: it keeps a pool of open
// connections, so create it once and reuse it, not one per request.
HttpClient client = new() { BaseAddress = new Uri("http://127.0.0.1:8765") };

// GetFromJsonAsync throws HttpRequestException on a 4xx or 5xx status.
async Task<User> GetUserAsync(int id) =>
    await client.GetFromJsonAsync<User>($"/api/users/{id}")
        ?? throw new InvalidOperationException($"user {id}: the body was null");

User[] users = await Task.WhenAll(GetUserAsync(1), GetUserAsync(2), GetUserAsync(3));
foreach (User user in users)
    Console.WriteLine($"{user.Id}: {user.Name}");

// JSON "name" fills Name: GetFromJsonAsync matches names case-insensitively.
record User(int Id, string Name, string Email);
