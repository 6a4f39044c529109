namespace Platform.Hosting;

/// <summary>The verbs every resource shares: references and start ordering.</summary>
public static class ResourceBuilderExtensions
{
    /// <summary>Injects the target's connection string (<c>ConnectionStrings__name</c>) or, for a project,
    /// its service-discovery endpoints (<c>services__name__http__N</c>).</summary>
    public static IResourceBuilder<ProjectResource> WithReference(this IResourceBuilder<ProjectResource> builder, IResourceBuilder<IResource> target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.Resource is not (IResourceWithConnectionString or ProjectResource))
        {
            throw new ArgumentException($"'{target.Resource.Name}' has neither a connection string nor endpoints to reference.", nameof(target));
        }
        builder.Resource.Annotations.Add(new ReferenceAnnotation(target.Resource));
        if (target.Resource is ProjectResource callee)
        {
            callee.Annotations.Add(new ServiceCallerAnnotation(builder.Resource));
        }
        return builder;
    }

    /// <summary>Starts the resource only once the target is running and healthy (a database waits for its server).</summary>
    public static IResourceBuilder<T> WaitFor<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> target) where T : IResource
    {
        ArgumentNullException.ThrowIfNull(target);
        builder.Resource.Annotations.Add(new WaitAnnotation(target.Resource));
        return builder;
    }

    public static IResourceBuilder<ProjectResource> WithEnvironment(this IResourceBuilder<ProjectResource> builder, string name, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        builder.Resource.Annotations.Add(new EnvironmentAnnotation(name, value));
        return builder;
    }

    /// <summary>Sets a variable to a parameter's value (a placeholder in the manifest, the value at run time).</summary>
    public static IResourceBuilder<ProjectResource> WithEnvironment(this IResourceBuilder<ProjectResource> builder, string name, IResourceBuilder<ParameterResource> parameter)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(parameter);
        builder.Resource.Annotations.Add(new EnvironmentAnnotation(name, null, parameter.Resource));
        return builder;
    }
}
