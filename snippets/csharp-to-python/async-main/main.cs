class Program
{
    static readonly Dictionary<int, string> Names = new() { [1] = "Ada Lovelace", [2] = "Alan Turing" };

    // The signature names the wrapper, Task<string>. Calling the method
    // starts it and hands back a Task that is already running.
    static async Task<string> GetNameAsync(int id)
    {
        await Task.Delay(100);
        return Names[id];
    }

    // Sync over async: block this thread until the task is done. Fine in a
    // console app; under a single-threaded SynchronizationContext (a WinForms
    // or WPF UI thread) the same line can deadlock.
    static string GetNameBlocking(int id) => GetNameAsync(id).GetAwaiter().GetResult();

    // The compiler adds a hidden entry point that blocks on this Task<int>.
    static async Task<int> Main()
    {
        Console.WriteLine($"sync code: {GetNameBlocking(2)}");
        Console.WriteLine($"main: {await GetNameAsync(1)}");
        Console.WriteLine($"blocking inside async code: {GetNameBlocking(2)}"); // allowed; a thread waits
        return 0; // the process exit code
    }
}
