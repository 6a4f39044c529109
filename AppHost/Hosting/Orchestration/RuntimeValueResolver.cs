namespace Platform.Hosting;

/// <summary>Renders a project's environment with the real ports, URLs and connection strings of this run.</summary>
internal sealed class RuntimeValueResolver(IReadOnlyDictionary<IResource, ResourceRunner> runners, RunContext context) : IEnvironmentValueResolver
{
    // Locally the port is in ASPNETCORE_URLS, as Aspire does it; HTTP_PORTS would only draw a warning.
    public string? HttpPort(ProjectResource project) => null;

    public string ConnectionString(IResourceWithConnectionString resource) =>
        runners[resource].ConnectionString ?? throw new InvalidOperationException($"'{resource.Name}' has no connection string.");

    public IReadOnlyList<string> HttpUrls(ProjectResource project) => runners[project].Urls;

    /// <summary>Secret values are generated once and kept in the data folder; they are masked wherever shown.</summary>
    public string ParameterValue(ParameterResource parameter) =>
        parameter.Secret ? context.Secret(parameter) : context.Parameters.GetOrGenerate(parameter);
}
