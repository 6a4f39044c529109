namespace Platform.Hosting;

/// <summary>The AppHost's own console: lifecycle lines and the ready table; service output goes to the dashboard.</summary>
internal sealed class AppHostConsole
{
    private readonly Lock _gate = new();

    public void Line(string resource, string message)
    {
        lock (_gate)
        {
            Console.WriteLine($"{DateTime.Now:HH:mm:ss} {resource,-22} {message}");
        }
    }

    public void Error(string message)
    {
        lock (_gate)
        {
            Console.Error.WriteLine(message);
        }
    }

    public void Table(IReadOnlyList<ResourceSnapshot> resources, string dashboardUrl, TimeSpan startup, string endpointsFile, IReadOnlyList<string> messages)
    {
        lock (_gate)
        {
            Console.WriteLine();
            Console.WriteLine($"{"RESOURCE",-22} {"STATE",-10} URL");
            foreach (var r in resources)
            {
                Console.WriteLine($"{r.Name,-22} {r.State,-10} {string.Join(" ", r.Urls)}");
            }
            Console.WriteLine($"{"dashboard",-22} {"running",-10} {dashboardUrl}");
            Console.WriteLine();
            messages.ToList().ForEach(Console.WriteLine);
            Console.WriteLine($"Platform ready in {startup.TotalSeconds:0.0}s. Endpoints: {endpointsFile}. Press Ctrl+C to stop.");
        }
    }
}
