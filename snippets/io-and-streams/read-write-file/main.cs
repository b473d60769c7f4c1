const string Csv = "1,Ada Lovelace\n2,Alan Turing\n3,Grace Hopper\n";
string path = Path.Combine(Path.GetTempPath(), $"users-{Environment.ProcessId}.csv");

try
{
    await File.WriteAllTextAsync(path, Csv); // UTF-8 without a byte-order mark
    string text = await File.ReadAllTextAsync(path);
    string[] lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    Console.WriteLine($"read {lines.Length} lines back:");
    foreach (string line in lines)
        Console.WriteLine($"  {line}");
}
finally
{
    File.Delete(path); // there is no File.DeleteAsync
    Console.WriteLine("file deleted");
}
