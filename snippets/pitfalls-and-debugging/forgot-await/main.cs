var saved = new List<string>();

async Task SaveAsync(string name)
{
    await Task.Delay(100); // stands in for a database write
    lock (saved) saved.Add(name); // the write finishes on a thread-pool thread
}

void Show(string label)
{
    lock (saved) Console.WriteLine($"{label}: [{string.Join(", ", saved)}]");
}

// Forgot await: the Task starts at once and runs unsupervised.
// The compiler warns CS4014: "Because this call is not awaited, ..."
SaveAsync("Ada");
Show("right after the call");
await Task.Delay(500);
Show("half a second later");
await SaveAsync("Alan");
Show("after awaiting save");
