namespace Platform.Hosting;

/// <summary>A resource could not be started; carries the tail of its log so the person can see why.</summary>
internal sealed class ResourceStartException(string resource, string reason, ResourceInstanceState? state = null)
    : Exception($"{resource} {reason}.")
{
    public string Resource { get; } = resource;

    public ResourceInstanceState? State { get; } = state;
}
