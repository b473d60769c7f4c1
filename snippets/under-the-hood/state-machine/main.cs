using System.Runtime.CompilerServices;

// The async method you would write:
//
//     async Task<string> GetUserAsync(int id)
//     {
//         await Task.Delay(100);
//         return await Users.LookupAsync(id);
//     }
//
// Below, the same method written out by hand in the shape the compiler
// gives it: a stub that starts a state machine, and a MoveNext() that runs
// the body from one await to the next.
Task<string> GetUserAsync(int id)
{
    var machine = new GetUserStateMachine(id);
    machine.Builder.Start(ref machine); // calls MoveNext() once, right here
    return machine.Builder.Task;
}

foreach (int id in new[] { 1, 99 })
{
    Console.WriteLine($"GetUserAsync({id}):");
    Task<string> task = GetUserAsync(id);
    Console.WriteLine($"  caller: got a Task back, IsCompleted = {task.IsCompleted}");
    try
    {
        Console.WriteLine($"  caller: await gave {await task}");
    }
    catch (KeyNotFoundException e)
    {
        Console.WriteLine($"  caller: await threw \"{e.Message}\"");
    }
}

static class Users
{
    // Already complete when it returns, like a cache hit.
    public static Task<string> LookupAsync(int id) => id == 1
        ? Task.FromResult("Ada Lovelace")
        : Task.FromException<string>(new KeyNotFoundException($"no user {id}"));
}

sealed class GetUserStateMachine(int id) : IAsyncStateMachine
{
    // The builder owns the Task that the caller gets, and completes it.
    public AsyncTaskMethodBuilder<string> Builder = AsyncTaskMethodBuilder<string>.Create();
    private int _state = -1; // -1: running, 0 or 1: waiting at that await, -2: finished
    private TaskAwaiter _delayAwaiter;
    private TaskAwaiter<string> _lookupAwaiter;

    public void MoveNext()
    {
        try
        {
            switch (_state)
            {
                case -1: // the first call, from Start()
                    Console.WriteLine("  MoveNext (state -1): started, awaiting Task.Delay(100)");
                    _delayAwaiter = Task.Delay(100).GetAwaiter();
                    if (!_delayAwaiter.IsCompleted)
                    {
                        Console.WriteLine("  not complete: state = 0, MoveNext becomes the continuation, return");
                        _state = 0;
                        GetUserStateMachine self = this;
                        Builder.AwaitUnsafeOnCompleted(ref _delayAwaiter, ref self);
                        return; // the thread goes back to the caller
                    }
                    goto case 0; // already complete: carry straight on

                case 0: // the delay has finished and called MoveNext again
                    _state = -1;
                    _delayAwaiter.GetResult(); // rethrows if the awaited task failed
                    Console.WriteLine($"  MoveNext (state 0): resumed, awaiting LookupAsync({id})");
                    _lookupAwaiter = Users.LookupAsync(id).GetAwaiter();
                    if (!_lookupAwaiter.IsCompleted)
                    {
                        _state = 1;
                        GetUserStateMachine self = this;
                        Builder.AwaitUnsafeOnCompleted(ref _lookupAwaiter, ref self);
                        return;
                    }
                    Console.WriteLine("  already complete: no suspension");
                    goto case 1;

                case 1:
                    _state = -1;
                    string name = _lookupAwaiter.GetResult(); // rethrows if the lookup failed
                    _state = -2;
                    Console.WriteLine($"  Builder.SetResult(\"{name}\")");
                    Builder.SetResult(name); // completes the caller's Task
                    return;
            }
        }
        catch (Exception e)
        {
            _state = -2;
            Console.WriteLine($"  Builder.SetException({e.GetType().Name})");
            Builder.SetException(e); // faults the caller's Task; await rethrows e
        }
    }

    // Used by the compiler's struct state machines; a class has nothing to do here.
    public void SetStateMachine(IAsyncStateMachine stateMachine) { }
}
