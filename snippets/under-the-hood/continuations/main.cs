Console.WriteLine("1. main: start");
var source = new TaskCompletionSource<string>();
Task waiter = WaiterAsync(source.Task); // runs at once, up to its await

Console.WriteLine("3. main: calls SetResult()");
source.SetResult("hello"); // runs the waiter's continuation right here, on this thread
Console.WriteLine("5. main: SetResult() returned");

string value = await source.Task; // already complete: no suspension
// `await 42;` would not compile: an int has no GetAwaiter() method.
Console.WriteLine($"6. main: await on a completed Task gave \"{value}\" at once");

await Task.Yield(); // always suspends; with no SynchronizationContext it resumes on the pool
Console.WriteLine($"7. main: after Task.Yield(), on a thread-pool thread: {Thread.CurrentThread.IsThreadPoolThread}");
await waiter;

async Task WaiterAsync(Task<string> task)
{
    Console.WriteLine("2. waiter: awaits a pending Task");
    string result = await task;
    Console.WriteLine($"4. waiter: resumed with \"{result}\", inside SetResult()");
}
