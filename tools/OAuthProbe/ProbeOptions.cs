using System.Net;
using System.Text.Json;

namespace Platform.OAuthProbe;

/// <summary>The probe's command line, parsed; <see cref="Parse"/> throws <see cref="UsageException"/> on bad input.</summary>
internal sealed record ProbeOptions
{
    public const string Usage =
        "usage: oauth-probe [--client-id ID] [--client-secret SECRET] [--token-auth basic|post|none] [--client-metadata-url URL] " +
        "[--scope \"a b\"] [--allow HOST|CIDR]... [--call TOOL] [--args JSON] <mcp-server-url>";

    /// <summary>Where the CIMD URL comes from when none is given: the platform's public base URL, as the broker reads it.</summary>
    public const string PublicBaseUrlVariable = "OAuthBroker__PublicBaseUrl";

    public required Uri Server { get; init; }

    public string? ClientId { get; init; }

    public string? ClientSecret { get; init; }

    public string? TokenAuth { get; init; }

    public Uri? ClientMetadataUrl { get; init; }

    public string? Scope { get; init; }

    public List<string> AllowedHosts { get; } = [];

    public List<string> AllowedNetworks { get; } = [];

    public string? Call { get; init; }

    public Dictionary<string, JsonElement> Arguments { get; init; } = [];

    public static ProbeOptions Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        if (args.Count == 0)
        {
            throw new UsageException("the MCP server URL is missing.");
        }
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var allow = new List<string>();
        for (var i = 0; i < args.Count - 1; i++)
        {
            var name = args[i];
            if (i + 1 >= args.Count - 1)
            {
                throw new UsageException($"{name} needs a value, and the MCP server URL must come last.");
            }
            var value = args[++i];
            switch (name)
            {
                case "--allow":
                    allow.Add(value);
                    break;
                case "--client-id" or "--client-secret" or "--token-auth" or "--client-metadata-url" or "--scope" or "--call" or "--args":
                    values[name] = value;
                    break;
                default:
                    throw new UsageException($"unknown option {name}.");
            }
        }
        var server = AbsoluteHttpUrl(args[^1], "the MCP server URL");
        var tokenAuth = values.GetValueOrDefault("--token-auth") switch
        {
            null => null,
            "basic" => "client_secret_basic",
            "post" => "client_secret_post",
            "none" => "none",
            var other => throw new UsageException($"--token-auth must be basic, post or none, not \"{other}\"."),
        };
        if (values.ContainsKey("--client-secret") && !values.ContainsKey("--client-id"))
        {
            throw new UsageException("--client-secret needs --client-id.");
        }
        var metadata = values.GetValueOrDefault("--client-metadata-url") is { } url
            ? AbsoluteHttpUrl(url, "--client-metadata-url")
            : environment(PublicBaseUrlVariable) is { Length: > 0 } baseUrl
                ? new Uri(AbsoluteHttpUrl(baseUrl, PublicBaseUrlVariable), "/oauth/client-metadata.json")
                : null;
        var options = new ProbeOptions
        {
            Server = server,
            ClientId = values.GetValueOrDefault("--client-id"),
            ClientSecret = values.GetValueOrDefault("--client-secret"),
            TokenAuth = tokenAuth,
            ClientMetadataUrl = metadata,
            Scope = values.GetValueOrDefault("--scope"),
            Call = values.GetValueOrDefault("--call"),
            Arguments = ParseArguments(values.GetValueOrDefault("--args")),
        };
        foreach (var entry in allow)
        {
            (IPNetwork.TryParse(entry, out _) || IPAddress.TryParse(entry, out _) ? options.AllowedNetworks : options.AllowedHosts).Add(entry);
        }
        return options;
    }

    private static Uri AbsoluteHttpUrl(string text, string what) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
            ? url
            : throw new UsageException($"{what} \"{text}\" is not an http(s) URL.");

    private static Dictionary<string, JsonElement> ParseArguments(string? json)
    {
        if (json is null)
        {
            return [];
        }
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json) ?? throw new UsageException("--args must be a JSON object.");
        }
        catch (JsonException)
        {
            throw new UsageException("--args must be a JSON object.");
        }
    }
}
