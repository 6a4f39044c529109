namespace Platform.Hosting;

public static class ProjectBuilderExtensions
{
    public static IResourceBuilder<ProjectResource> AddProject<TProject>(this DistributedApplicationBuilder builder, string name)
        where TProject : IProjectMetadata, new()
    {
        // 44 alphanumeric characters: more than 256 random bits.
        var serviceKey = builder.AddResource(new ParameterResource($"{name}-service-key", secret: true, generatedLength: 44, special: false));
        return builder.AddResource(new ProjectResource(name, new TProject(), serviceKey.Resource));
    }

    public static IResourceBuilder<ProjectResource> WithReplicas(this IResourceBuilder<ProjectResource> builder, int replicas)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(replicas, 1);
        builder.Resource.Annotations.Add(new ReplicaAnnotation(replicas));
        return builder;
    }

    public static IResourceBuilder<ProjectResource> WithExternalHttpEndpoints(this IResourceBuilder<ProjectResource> builder)
    {
        builder.Resource.Annotations.Add(new ExternalEndpointAnnotation());
        return builder;
    }

    public static IResourceBuilder<ProjectResource> WithHttpHealthCheck(this IResourceBuilder<ProjectResource> builder, string path = "/health")
    {
        if (!path.StartsWith('/'))
        {
            throw new ArgumentException("A health check path starts with '/'.", nameof(path));
        }
        builder.Resource.Annotations.Add(new HttpHealthCheckAnnotation(path));
        return builder;
    }
}
