namespace Platform.Hosting;

/// <summary>All resource instances of the running application, in declaration order.</summary>
public sealed class ResourceStateStore
{
    private readonly Lock _gate = new();
    private readonly List<ResourceInstanceState> _instances = [];
    private long _version;

    /// <summary>Raised after any instance changes; handlers must be quick and must not throw.</summary>
    public event Action? Changed;

    /// <summary>Increments on every change, so pollers can tell whether anything moved.</summary>
    public long Version => Interlocked.Read(ref _version);

    public ResourceInstanceState Register(string name, string resource, string type)
    {
        var instance = new ResourceInstanceState(name, resource, type, OnChanged);
        lock (_gate)
        {
            _instances.Add(instance);
        }
        OnChanged();
        return instance;
    }

    public IReadOnlyList<ResourceInstanceState> Instances
    {
        get
        {
            lock (_gate)
            {
                return [.. _instances];
            }
        }
    }

    public ResourceInstanceState? Find(string name) => Instances.FirstOrDefault(i => i.Name == name);

    public IReadOnlyList<ResourceSnapshot> Snapshot() => [.. Instances.Select(i => i.Snapshot())];

    private void OnChanged()
    {
        Interlocked.Increment(ref _version);
        Changed?.Invoke();
    }
}
