namespace Platform.McpEdge.Http;

/// <summary>The MCP revisions the edge speaks over Streamable HTTP, newest first.</summary>
public static class SupportedProtocolVersions
{
    public const string Latest = "2025-11-25";

    /// <summary>What a request without <c>MCP-Protocol-Version</c> is taken to speak (the transport spec's fallback).</summary>
    public const string Assumed = "2025-03-26";

    public static readonly IReadOnlyList<string> All = [Latest, "2025-06-18", Assumed];

    /// <summary>
    /// JSON-RPC batches belong to 2025-03-26 alone (2025-06-18 removed them): allowed when the request declares that
    /// revision or none (and so is taken to speak it).
    /// </summary>
    public static bool AllowsBatches(string? version) => string.IsNullOrEmpty(version) || version == Assumed;

    public static bool IsSupported(string? version) => version is not null && All.Contains(version, StringComparer.Ordinal);
}
