using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture; // print 0.9, never 0,9
const int Items = 6;

async Task RunAsync(int consumers)
{
    // Bounded: WriteAsync waits while 2 items are waiting to be read.
    Channel<int> channel = Channel.CreateBounded<int>(2);
    int handled = 0;
    var clock = Stopwatch.StartNew();

    async Task ProduceAsync()
    {
        for (int item = 1; item <= Items; item++)
            await channel.Writer.WriteAsync(item);
        channel.Writer.Complete(); // no more items: readers stop once the channel is empty
    }

    async Task ConsumeAsync()
    {
        await foreach (int item in channel.Reader.ReadAllAsync()) // waits while it is empty
        {
            await Task.Delay(300); // handling one item takes 0.3 s
            Interlocked.Increment(ref handled); // two consumers may finish at the same moment
        }
    }

    var tasks = new List<Task> { ProduceAsync() };
    for (int i = 0; i < consumers; i++)
        tasks.Add(ConsumeAsync());
    await Task.WhenAll(tasks);
    string label = consumers == 1 ? "consumer" : "consumers";
    Console.WriteLine($"{consumers} {label}: {handled} items in {clock.Elapsed.TotalSeconds:F1} s");
}

await RunAsync(1);
await RunAsync(2);
