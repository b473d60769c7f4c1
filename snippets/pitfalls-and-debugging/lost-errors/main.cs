TaskScheduler.UnobservedTaskException += (sender, e) =>
{
    // Raised on the finalizer thread when a failed Task that nobody observed is collected.
    Console.WriteLine($"UnobservedTaskException: {e.Exception.InnerException?.Message}");
    e.SetObserved();
};

async Task SendWelcomeAsync(string email)
{
    await Task.Delay(100); // stands in for talking to a mail server
    throw new IOException($"mail server refused {email}");
}

// Fire and forget: the discard (_ =) silences warning CS4014, and nobody
// observes the failure. The Task keeps its exception until it is collected.
_ = SendWelcomeAsync("ada@example.com");
await Task.Delay(500);
GC.Collect(); // force the collection that would otherwise happen some time later
GC.WaitForPendingFinalizers();
Console.WriteLine("fire and forget: main saw no error");

try
{
    await SendWelcomeAsync("alan@example.com");
}
catch (IOException e)
{
    Console.WriteLine($"awaited: caught {e.GetType().Name}: {e.Message}");
}
