namespace Platform.Hosting;

/// <summary>A .NET service project, started as one process per replica.</summary>
public sealed class ProjectResource(string name, IProjectMetadata metadata, ParameterResource serviceKey) : Resource(name)
{
    public IProjectMetadata Metadata { get; } = metadata;

    /// <summary>The credential this service presents to the platform services it references (<c>ServiceAuth__Key</c>).</summary>
    public ParameterResource ServiceKey { get; } = serviceKey;

    /// <summary>The projects that reference this one, and so may call it with their service key.</summary>
    public IEnumerable<ProjectResource> Callers => Annotations.OfType<ServiceCallerAnnotation>().Select(a => a.Caller).Distinct();

    public int Replicas => Annotations.OfType<ReplicaAnnotation>().LastOrDefault()?.Replicas ?? 1;

    public bool IsExternal => Annotations.OfType<ExternalEndpointAnnotation>().Any();

    public string? HealthCheckPath => Annotations.OfType<HttpHealthCheckAnnotation>().LastOrDefault()?.Path;
}
