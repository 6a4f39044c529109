namespace Platform.Hosting;

/// <summary>Renders the values a project's environment refers to: placeholders in the manifest, real values at run time.</summary>
public interface IEnvironmentValueResolver
{
    /// <summary>The port the project listens on, or null where the run-time URL says it (<c>ASPNETCORE_URLS</c>).</summary>
    string? HttpPort(ProjectResource project);

    string ConnectionString(IResourceWithConnectionString resource);

    /// <summary>One URL per replica at run time; one load-balanced URL in the manifest.</summary>
    IReadOnlyList<string> HttpUrls(ProjectResource project);

    string ParameterValue(ParameterResource parameter);
}

/// <summary>The environment Aspire gives a project, computed once for both the manifest and the local run.</summary>
public static class ProjectEnvironment
{
    public static IReadOnlyList<KeyValuePair<string, string>> Build(ProjectResource project, IEnvironmentValueResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(resolver);
        var env = new List<KeyValuePair<string, string>>
        {
            new("OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY", "in_memory"),
            new("ASPNETCORE_FORWARDEDHEADERS_ENABLED", "true"),
        };
        if (resolver.HttpPort(project) is { } port)
        {
            env.Add(new("HTTP_PORTS", port));
        }
        foreach (var reference in project.Annotations.OfType<ReferenceAnnotation>())
        {
            switch (reference.Target)
            {
                case IResourceWithConnectionString withConnectionString:
                    env.Add(new($"ConnectionStrings__{reference.Target.Name}", resolver.ConnectionString(withConnectionString)));
                    break;
                case ProjectResource target:
                    var urls = resolver.HttpUrls(target);
                    for (int i = 0; i < urls.Count; i++)
                    {
                        env.Add(new($"services__{target.Name}__http__{i}", urls[i]));
                    }
                    break;
            }
        }
        // Service credentials: our own key for the services we call, and the keys of the services that call us.
        env.Add(new("ServiceAuth__Key", resolver.ParameterValue(project.ServiceKey)));
        foreach (var caller in project.Callers)
        {
            env.Add(new($"ServiceAuth__Callers__{caller.Name}", resolver.ParameterValue(caller.ServiceKey)));
        }
        foreach (var extra in project.Annotations.OfType<EnvironmentAnnotation>())
        {
            env.Add(new(extra.Name, extra.Parameter is { } parameter ? resolver.ParameterValue(parameter) : extra.Value ?? ""));
        }
        return env;
    }
}
