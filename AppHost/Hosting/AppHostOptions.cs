namespace Platform.Hosting;

/// <summary>Command-line switches of the AppHost.</summary>
public sealed record AppHostOptions
{
    public const int DefaultDashboardPort = 18888;

    /// <summary>Where PostgreSQL and RabbitMQ data, generated parameters and endpoints.json live.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Wipe the data folder before starting.</summary>
    public bool Fresh { get; init; }

    /// <summary>Dashboard port; 0 picks a free one.</summary>
    public int DashboardPort { get; init; } = DefaultDashboardPort;

    /// <summary><c>manifest</c> writes the Aspire manifest instead of running.</summary>
    public string? Publisher { get; init; }

    public string? OutputPath { get; init; }

    public static AppHostOptions Parse(string[] args, string defaultDataDirectory)
    {
        string dataDirectory = defaultDataDirectory;
        bool fresh = false;
        int dashboardPort = DefaultDashboardPort;
        string? publisher = null, outputPath = null;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--data-dir": dataDirectory = Value(args, ref i); break;
                case "--fresh": fresh = true; break;
                case "--dashboard-port":
                    if (!int.TryParse(Value(args, ref i), out dashboardPort) || dashboardPort is < 0 or > 65535)
                    {
                        throw new AppHostUsageException("--dashboard-port takes a port number from 0 to 65535.");
                    }
                    break;
                case "--publisher": publisher = Value(args, ref i); break;
                case "--output-path": outputPath = Value(args, ref i); break;
                default: throw new AppHostUsageException($"Unknown argument '{args[i]}'. Known: --data-dir DIR, --fresh, --dashboard-port N, --publisher manifest --output-path FILE.");
            }
        }
        if (publisher is not null && publisher != "manifest")
        {
            throw new AppHostUsageException($"Unknown publisher '{publisher}'; the only one is 'manifest'.");
        }
        if (publisher is not null && outputPath is null)
        {
            throw new AppHostUsageException("--publisher manifest needs --output-path FILE.");
        }
        return new AppHostOptions
        {
            DataDirectory = Path.GetFullPath(dataDirectory),
            Fresh = fresh,
            DashboardPort = dashboardPort,
            Publisher = publisher,
            OutputPath = outputPath is null ? null : Path.GetFullPath(outputPath),
        };
    }

    private static string Value(string[] args, ref int i) =>
        ++i < args.Length ? args[i] : throw new AppHostUsageException($"{args[i - 1]} needs a value.");
}

/// <summary>A problem the person running the AppHost can fix; printed as one line, without a stack trace.</summary>
public sealed class AppHostUsageException(string message) : Exception(message);
