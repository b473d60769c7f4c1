using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture; // print 0.1, never 0,1
var clock = Stopwatch.StartNew();
string Now() => $"{clock.Elapsed.TotalSeconds:F1} s";

async Task Job(string name, int ms)
{
    Console.WriteLine($"{name}: start at {Now()}");
    await Task.Delay(ms); // the continuation goes to SynchronizationContext.Current, if there is one
    Console.WriteLine($"{name}: done at {Now()}, on the loop thread: {TinyLoop.OnLoopThread}");
}

TinyLoop.Run(() => Task.WhenAll(Job("A", 300), Job("B", 100), Job("C", 200)));
Console.WriteLine($"loop: finished at {Now()}");

// Without the loop, a console app has no SynchronizationContext: the pool resumes the job.
await Job("D", 100);

// A one-thread event loop. await captures SynchronizationContext.Current and
// Post()s each continuation here, and Run() executes them one at a time.
sealed class TinyLoop : SynchronizationContext
{
    private readonly BlockingCollection<(SendOrPostCallback Callback, object? State)> _queue = new();
    private readonly int _threadId = Environment.CurrentManagedThreadId;

    public static bool OnLoopThread =>
        Current is TinyLoop loop && loop._threadId == Environment.CurrentManagedThreadId;

    public override void Post(SendOrPostCallback callback, object? state) => _queue.Add((callback, state));

    public static void Run(Func<Task> main)
    {
        var loop = new TinyLoop();
        SynchronizationContext? previous = Current;
        SetSynchronizationContext(loop);
        try
        {
            Task task = main(); // runs on this thread up to the first awaits
            task.ContinueWith(_ => loop._queue.CompleteAdding(), TaskScheduler.Default);
            foreach (var (callback, state) in loop._queue.GetConsumingEnumerable())
                callback(state); // one continuation at a time, on this thread
            task.GetAwaiter().GetResult(); // rethrows if the work failed
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }
}
