namespace Platform.Hosting;

/// <summary>Brings one model resource to life and takes it down again.</summary>
internal abstract class ResourceRunner(IResource resource)
{
    public IResource Resource { get; } = resource;

    /// <summary>Completes when the resource is running and healthy: what <c>WaitFor</c> waits for.</summary>
    public TaskCompletionSource Ready { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public abstract IReadOnlyList<ResourceInstanceState> Instances { get; }

    /// <summary>The run-time connection string, for resources others reference by one.</summary>
    public virtual string? ConnectionString => null;

    public virtual IReadOnlyList<string> Urls => [];

    public abstract string Type { get; }

    public abstract Task StartAsync(CancellationToken cancellationToken);

    public abstract Task StopAsync();
}
