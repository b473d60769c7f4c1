var users = new Dictionary<int, User> { [1] = new User(1, "Ada Lovelace", "ada@example.com") };

async Task<User> GetUserAsync(int id)
{
    await Task.Delay(100);
    return users.TryGetValue(id, out User? user) ? user : throw new KeyNotFoundException($"no user {id}");
}

async Task<string> SendWelcomeAsync(User user)
{
    await Task.Delay(100);
    return $"welcome mail sent to {user.Email}";
}

// ContinueWith is C#'s .then(), but await replaced it long ago.
async Task WelcomeAsync(int id)
{
    try
    {
        User user = await GetUserAsync(id);
        string receipt = await SendWelcomeAsync(user);
        Console.WriteLine(receipt);
    }
    catch (KeyNotFoundException e) // any step's failure lands here
    {
        Console.WriteLine($"error: {e.Message}");
    }
}

await WelcomeAsync(1);
await WelcomeAsync(99);

record User(int Id, string Name, string Email);
