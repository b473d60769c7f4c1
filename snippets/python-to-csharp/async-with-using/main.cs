await using (Connection conn = await Connection.OpenAsync())
{
    Console.WriteLine($"user 1: {await conn.QueryNameAsync(1)}");
}

try
{
    // The declaration form: disposed when the enclosing block ends.
    await using Connection conn = await Connection.OpenAsync();
    await conn.QueryNameAsync(99);
}
catch (KeyNotFoundException e)
{
    Console.WriteLine($"error: {e.Message}"); // the connection was closed before we got here
}

// A pretend database connection: opening and closing both take time.
class Connection : IAsyncDisposable
{
    // Constructors cannot be async, so opening is a static async factory.
    public static async Task<Connection> OpenAsync()
    {
        await Task.Delay(100);
        Console.WriteLine("open");
        return new Connection();
    }

    public async Task<string> QueryNameAsync(int id)
    {
        await Task.Delay(100);
        return id == 1 ? "Ada Lovelace" : throw new KeyNotFoundException($"no user {id}");
    }

    public async ValueTask DisposeAsync()
    {
        await Task.Delay(100); // e.g. tell the server goodbye
        Console.WriteLine("close");
    }
}
