namespace Platform.Hosting;

/// <summary>One entry of a manifest resource's <c>bindings</c>: a port the workload listens on.</summary>
internal sealed record ManifestBinding(string Name, string Scheme, string Transport, int? TargetPort = null, bool External = false)
{
    /// <summary>A project's http endpoint; the deploy tool picks the port and passes it as <c>HTTP_PORTS</c>.</summary>
    public static ManifestBinding Http(bool external) => new("http", "http", "http", External: external);

    public static ManifestBinding Tcp(int targetPort) => new("tcp", "tcp", "tcp", targetPort);
}
