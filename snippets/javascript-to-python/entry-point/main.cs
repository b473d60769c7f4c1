async Task LateTaskAsync()
{
    await Task.Delay(500);
    Console.WriteLine("late task: done"); // never printed: the process has ended by then
}

async Task<string> MainAsync()
{
    _ = LateTaskAsync(); // started, never awaited
    await Task.Delay(100);
    Console.WriteLine("main: done");
    return "result of main";
}

// Top-level statements may await: the compiler wraps them in an async Main.
Task<string> mainTask = MainAsync(); // runs at once, up to its first await
Console.WriteLine("MainAsync() returned a Task; it is already running");
Console.WriteLine($"await returned: {await mainTask}");
// The process ends here, and LateTaskAsync with it.
