using Platform.Tests.Infrastructure;

namespace Platform.Tests.Vault;

/// <summary>Reads a resource instance's console lines through Aspire's resource logger service.</summary>
public static class ResourceLogs
{
    /// <summary>
    /// Every line from the start of the log up to and including the first that contains <paramref name="marker"/>;
    /// write the marker last, so that every line before it has been captured.
    /// </summary>
    public static Task<IReadOnlyList<string>> ReadUntilAsync(DistributedApplication app, string instance, string marker, TimeSpan timeout) =>
        app.ReadLogUntilAsync(instance, marker, timeout);
}
