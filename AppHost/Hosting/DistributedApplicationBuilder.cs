using Microsoft.Extensions.Configuration;

namespace Platform.Hosting;

/// <summary>Collects the application model, as Aspire's builder does.</summary>
public sealed class DistributedApplicationBuilder
{
    private readonly List<IResource> _resources = [];

    internal DistributedApplicationBuilder(AppHostOptions options, IConfiguration configuration)
    {
        Options = options;
        Configuration = configuration;
    }

    public AppHostOptions Options { get; }

    /// <summary>Environment variables of the AppHost (e.g. <c>ConnectionStrings__postgres</c> to use an existing server).</summary>
    public IConfiguration Configuration { get; }

    public IReadOnlyList<IResource> Resources => _resources;

    public IResourceBuilder<T> AddResource<T>(T resource) where T : IResource
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (_resources.Any(r => r.Name == resource.Name))
        {
            throw new InvalidOperationException($"A resource named '{resource.Name}' is already declared.");
        }
        _resources.Add(resource);
        return new ResourceBuilder<T>(this, resource);
    }

    public IResourceBuilder<ParameterResource> AddParameter(string name, bool secret = false) =>
        AddResource(new ParameterResource(name, secret));

    public DistributedApplication Build() => new(this);
}
