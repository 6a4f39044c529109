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

    /// <summary>A parameter whose value is generated once (alphanumeric) unless configured.</summary>
    public IResourceBuilder<ParameterResource> AddParameter(string name, bool secret = false, int generatedLength = 22) =>
        AddResource(new ParameterResource(name, secret, generatedLength, special: false));

    internal List<Func<ReadyContext, CancellationToken, Task>> ReadyCallbacks { get; } = [];

    /// <summary>Runs once every resource is healthy, before the ready message (e.g. to seed development data).</summary>
    public DistributedApplicationBuilder OnReady(Func<ReadyContext, CancellationToken, Task> callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        ReadyCallbacks.Add(callback);
        return this;
    }

    public DistributedApplication Build() => new(this);
}
