namespace Platform.McpEdge;

/// <summary>The edge's settings (section <c>McpEdge</c>).</summary>
public sealed class McpEdgeOptions
{
    public const string SectionName = "McpEdge";

    /// <summary>
    /// Browser origins allowed to call <c>/mcp</c> (exact <c>scheme://host[:port]</c>). A request carrying any other
    /// <c>Origin</c> gets 403 (DNS-rebinding protection); requests without one (non-browser clients) are unaffected.
    /// </summary>
    public IList<string> AllowedOrigins { get; } = [];

    /// <summary>Largest JSON-RPC request body accepted, in bytes; larger ones get 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Most messages one JSON-RPC batch (protocol 2025-03-26) may hold; larger batches get 400. Bounded because the
    /// gateway's per-agent rate limit counts a batch as one request.
    /// </summary>
    public int MaxBatchMessages { get; set; } = 20;

    /// <summary>
    /// A request whose result is not ready after this long is answered as an event stream (headers sent at once,
    /// the result when it comes), so slow calls never look stalled; quicker results are answered as plain JSON.
    /// </summary>
    public TimeSpan StreamAfter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Items per page of <c>tools/list</c>, <c>resources/list</c>, <c>prompts/list</c> and templates.</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>How long an install's listed tools (per subject) are reused before the upstream is asked again.</summary>
    public TimeSpan CatalogTtl { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long an upstream that could not be listed is reported down before it is tried again.</summary>
    public TimeSpan UnavailableTtl { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long the registry's list of a subject's installs (and the tenant's agent endpoints) is reused.</summary>
    public TimeSpan InstallsTtl { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a resolved upstream credential is reused (revocation events drop it at once).</summary>
    public TimeSpan CredentialTtl { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// An OAuth access token is used until this long before it expires (its copy dropped then); one found closer to its
    /// expiry is renewed through the broker first. The broker's own margin is at least as long by default (5 minutes).
    /// </summary>
    public TimeSpan TokenRefreshAhead { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Longest wait for one upstream's lists (tools, resources, prompts) while building the catalog.</summary>
    public TimeSpan ListTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Calls in flight to one upstream at once, per edge instance; more wait (within the call's timeout).</summary>
    public int MaxConcurrentCallsPerUpstream { get; set; } = 64;

    /// <summary>Timeout of calls to other agents' MCP endpoints (installs carry their own).</summary>
    public TimeSpan AgentCallTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Largest answer read from an upstream, in bytes (one HTTP response: a JSON result or one request's event
    /// stream). Past it the call fails with an error naming the limit and the session is dropped.
    /// </summary>
    public long MaxUpstreamResponseBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Most tools, resources, templates and prompts (each) listed from one install; the rest are left out.</summary>
    public int MaxListedPerInstall { get; set; } = 1000;

    /// <summary>An upstream MCP session unused for this long is closed.</summary>
    public TimeSpan UpstreamIdleTimeout { get; set; } = TimeSpan.FromMinutes(5);
}
