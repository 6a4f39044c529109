using Aspire.Hosting.ApplicationModel;

namespace Platform.AppHost;

/// <summary>
/// Service-to-service credentials: each service presents its own generated key (<c>ServiceAuth__Key</c>) to the
/// services it references, and each service knows the keys of the services that reference it
/// (<c>ServiceAuth__Callers__{name}</c>), so a call between services is only accepted along a declared reference.
/// </summary>
internal static class ServiceAuthentication
{
    /// <summary>44 alphanumeric characters: more than 256 random bits.</summary>
    private const int KeyLength = 44;

    public static IResourceBuilder<ProjectResource> AddService<TProject>(this IDistributedApplicationBuilder builder, string name, SecretParameters secrets)
        where TProject : IProjectMetadata, new()
    {
        var key = secrets.Add($"{name}-service-key", KeyLength);
        // The services have no launch profiles: one http endpoint each, its port chosen by Aspire (one per replica).
        return builder.AddProject<TProject>(name)
            .WithHttpEndpoint()
            .WithEnvironment("ServiceAuth__Key", key)
            .WithAnnotation(new ServiceKeyAnnotation(key.Resource));
    }

    /// <summary>Gives every referenced service the keys of its callers; called once all references are declared.</summary>
    public static void AdmitReferencingCallers(IDistributedApplicationBuilder builder)
    {
        var services = builder.Resources.OfType<ProjectResource>().ToList();
        foreach (var caller in services)
        {
            if (!caller.TryGetLastAnnotation<ServiceKeyAnnotation>(out var callerKey))
            {
                continue;
            }
            var targets = caller.Annotations.OfType<ResourceRelationshipAnnotation>()
                .Where(r => r.Type == "Reference" && r.Resource is ProjectResource)
                .Select(r => (ProjectResource)r.Resource)
                .Distinct();
            foreach (var target in targets)
            {
                builder.CreateResourceBuilder(target).WithEnvironment($"ServiceAuth__Callers__{caller.Name}", callerKey.Key);
            }
        }
    }
}

