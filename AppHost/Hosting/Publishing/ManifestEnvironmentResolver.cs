namespace Platform.Hosting;

/// <summary>Renders a project's environment as manifest placeholders, which the deploy tool fills in.</summary>
internal sealed class ManifestEnvironmentResolver : IEnvironmentValueResolver
{
    public static ManifestEnvironmentResolver Instance { get; } = new();

    public string? HttpPort(ProjectResource project) => $"{{{project.Name}.bindings.http.targetPort}}";

    public string ConnectionString(IResourceWithConnectionString resource) => $"{{{resource.Name}.connectionString}}";

    /// <summary>One URL even with replicas: once deployed, the service's address load-balances over them.</summary>
    public IReadOnlyList<string> HttpUrls(ProjectResource project) => [$"{{{project.Name}.bindings.http.url}}"];

    public string ParameterValue(ParameterResource parameter) => $"{{{parameter.Name}.value}}";
}
