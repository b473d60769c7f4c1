var names = new Dictionary<int, string> { [1] = "Ada Lovelace", [2] = "Alan Turing", [3] = "Grace Hopper" };

// An async iterator: async, returns IAsyncEnumerable<T>, and uses yield return.
async IAsyncEnumerable<string> GetUsersAsync(int[] ids)
{
    foreach (int id in ids)
    {
        Console.WriteLine($"fetching user {id}");
        await Task.Delay(100); // stands in for one request per user
        yield return names[id];
    }
}

await foreach (string name in GetUsersAsync([1, 2, 3])) // each step awaits MoveNextAsync()
    Console.WriteLine($"got {name}");
Console.WriteLine("done");
