// An async method. Calling it returns a Task<User> that is already
// running; awaiting the Task gives back the User. The name ends in
// "Async" because it returns an awaitable type.
async Task<User> GetUserAsync(int id)
{
    Console.WriteLine($"fetching user {id}...");
    await Task.Delay(500); // stands in for the network round trip
    return new User(id, "Ada Lovelace", "ada@example.com");
}

// Top-level statements may use await: the compiler makes an async Main.
User user = await GetUserAsync(1);
Console.WriteLine($"got {user.Name} <{user.Email}>");

record User(int Id, string Name, string Email);
