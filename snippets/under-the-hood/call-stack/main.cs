async Task<string> FetchUserAsync()
{
    Console.WriteLine("FetchUserAsync: waits 0.1 s");
    await Task.Delay(100);
    Console.WriteLine("FetchUserAsync: resumed, returns");
    return "Ada Lovelace";
}

async Task<string> LoadUserAsync()
{
    Console.WriteLine("LoadUserAsync: calls FetchUserAsync()");
    Task<string> task = FetchUserAsync();
    Console.WriteLine($"LoadUserAsync: got a Task, IsCompleted = {task.IsCompleted}, awaits it");
    string name = await task;
    Console.WriteLine($"LoadUserAsync: resumed with {name}");
    return name;
}

async Task<string> HandleAsync()
{
    Console.WriteLine("HandleAsync: calls LoadUserAsync()");
    Task<string> task = LoadUserAsync();
    Console.WriteLine($"HandleAsync: got a Task, IsCompleted = {task.IsCompleted}, awaits it");
    string name = await task;
    Console.WriteLine($"HandleAsync: resumed with {name}");
    return name;
}

Task<string> handling = HandleAsync();
Console.WriteLine($"main: got a Task, IsCompleted = {handling.IsCompleted}; every level is suspended");
Console.WriteLine($"main: {await handling}");
