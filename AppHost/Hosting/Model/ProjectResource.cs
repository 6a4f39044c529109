namespace Platform.Hosting;

/// <summary>A .NET service project, started as one process per replica.</summary>
public sealed class ProjectResource(string name, IProjectMetadata metadata) : Resource(name)
{
    public IProjectMetadata Metadata { get; } = metadata;

    public int Replicas => Annotations.OfType<ReplicaAnnotation>().LastOrDefault()?.Replicas ?? 1;

    public bool IsExternal => Annotations.OfType<ExternalEndpointAnnotation>().Any();

    public string? HealthCheckPath => Annotations.OfType<HttpHealthCheckAnnotation>().LastOrDefault()?.Path;
}
