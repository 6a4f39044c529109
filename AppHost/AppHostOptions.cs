namespace Platform.AppHost;

/// <summary>Command-line switches of the AppHost.</summary>
public sealed record AppHostOptions
{
    public const int DefaultDashboardPort = 18888;

    /// <summary>Where PostgreSQL and RabbitMQ data, generated parameters and endpoints.json live.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Wipe the data folder before starting.</summary>
    public bool Fresh { get; init; }

    /// <summary>The Aspire dashboard's port (its OTLP and resource service endpoints take the two after it); 0 picks free ones.</summary>
    public int DashboardPort { get; init; } = DefaultDashboardPort;

    /// <summary><c>manifest</c> writes the Aspire manifest instead of running (Aspire's own publisher does it).</summary>
    public string? Publisher { get; init; }

    public string? OutputPath { get; init; }

    /// <summary>
    /// What a local run's services may call although it is loopback, link-local or private (the outbound policy's
    /// development allow-list): host names as written in URLs, and networks in CIDR notation. By default this
    /// machine's loopback, so a newcomer's local MCP server works; <c>--outbound-allow none</c> allows nothing, as
    /// in a deployment.
    /// </summary>
    public IReadOnlyList<string> OutboundAllowList { get; init; } = DefaultOutboundAllowList;

    public static IReadOnlyList<string> DefaultOutboundAllowList { get; } = ["localhost", "127.0.0.0/8", "::1/128"];

    public const string ProductionEnvironment = "Production";

    /// <summary>
    /// The services' <c>ASPNETCORE_ENVIRONMENT</c>/<c>DOTNET_ENVIRONMENT</c>: <c>Production</c> unless told otherwise.
    /// Only a local development run (<c>scripts/run.sh</c>) and the tests pass <c>--environment Development</c>, so no
    /// other run gets development-only behaviour (developer exception pages, development settings files).
    /// </summary>
    public string Environment { get; init; } = ProductionEnvironment;

    public static AppHostOptions Parse(string[] args, string defaultDataDirectory)
    {
        string dataDirectory = defaultDataDirectory;
        bool fresh = false;
        int dashboardPort = DefaultDashboardPort;
        string? publisher = null, outputPath = null;
        IReadOnlyList<string> outboundAllowList = DefaultOutboundAllowList;
        string environment = ProductionEnvironment;
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
                case "--outbound-allow": outboundAllowList = ParseAllowList(Value(args, ref i)); break;
                case "--environment":
                    environment = Value(args, ref i);
                    if (environment.Length is 0 or > 32 || !environment.All(char.IsAsciiLetter))
                    {
                        throw new AppHostUsageException("--environment takes a name of letters, e.g. Production or Development.");
                    }
                    break;
                default: throw new AppHostUsageException($"Unknown argument '{args[i]}'. Known: --data-dir DIR, --fresh, --dashboard-port N, --outbound-allow HOSTS-AND-CIDRS|none, --environment NAME, --publisher manifest --output-path FILE.");
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
            OutboundAllowList = outboundAllowList,
            Environment = environment,
        };
    }

    /// <summary>What Aspire itself is given: only the publisher's switches; ours are already read.</summary>
    public string[] AspireArguments() =>
        Publisher is null ? [] : ["--publisher", Publisher, "--output-path", OutputPath!];

    private static string[] ParseAllowList(string value)
    {
        if (value.Trim() == "none")
        {
            return [];
        }
        var entries = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (entries.Length == 0)
        {
            throw new AppHostUsageException("--outbound-allow takes host names and CIDR networks separated by commas (e.g. localhost,127.0.0.0/8), or 'none'.");
        }
        foreach (var entry in entries.Where(e => e.Contains('/', StringComparison.Ordinal)))
        {
            if (!System.Net.IPNetwork.TryParse(entry, out _))
            {
                throw new AppHostUsageException($"--outbound-allow: '{entry}' is not a CIDR network (e.g. 127.0.0.0/8).");
            }
        }
        return entries;
    }

    private static string Value(string[] args, ref int i) =>
        ++i < args.Length ? args[i] : throw new AppHostUsageException($"{args[i - 1]} needs a value.");
}

/// <summary>A problem the person running the AppHost can fix; printed as one line, without a stack trace.</summary>
public sealed class AppHostUsageException(string message) : Exception(message);
