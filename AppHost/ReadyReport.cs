using System.Text;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.AppHost;

/// <summary>
/// Once every resource (every replica) runs and is healthy: the first start's dev credentials, <c>endpoints.json</c>,
/// and the table of resources and URLs ending in <c>Platform ready in X s</c>. Removes <c>endpoints.json</c> on stop.
/// </summary>
internal sealed partial class ReadyReport(ResourceNotificationService notifications, ReadySettings settings, ILogger<ReadyReport> logger) : IHostedLifecycleService
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _watch = Task.CompletedTask;

    /// <summary>
    /// Starts watching before Aspire's orchestrator starts: its start returns only once every resource has been
    /// started, which would be too late to report from.
    /// </summary>
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        _watch = Task.Run(() => WatchAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        try
        {
            await _watch;
        }
        catch (OperationCanceledException)
        {
            // stopped before everything was ready
        }
        catch (Exception ex)
        {
            LogReportFailed(ex.GetType().Name, ex.Message);
        }
        File.Delete(EndpointsFile.PathIn(settings.DataDirectory));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task WatchAsync(CancellationToken stoppingToken)
    {
        // Instance id (a replica has its own) -> the resource and its latest snapshot.
        var latest = new Dictionary<string, ResourceEvent>();
        await foreach (var change in notifications.WatchAsync(stoppingToken))
        {
            latest[change.ResourceId] = change;
            if (settings.Resources.All(r => Instances(latest, r.Resource) is var instances
                && instances.Count == Replicas(r.Resource) && instances.All(i => IsReady(i.Snapshot))))
            {
                break;
            }
        }
        stoppingToken.ThrowIfCancellationRequested();

        var resources = new Dictionary<string, ResourceEndpoints>();
        foreach (var (resource, type) in settings.Resources)
        {
            var instances = Instances(latest, resource);
            var urls = instances.Select(i => InstanceUrl(i.Snapshot)).OfType<string>().ToList();
            var connectionString = resource is IResourceWithConnectionString withConnectionString
                ? await withConnectionString.ConnectionStringExpression.GetValueAsync(stoppingToken)
                : null;
            resources[resource.Name] = new ResourceEndpoints(type, [.. instances.Select(i => i.ResourceId)], urls, connectionString);
        }

        var messages = new List<string>();
        var operatorKey = await settings.OperatorKey.GetValueAsync(stoppingToken);
        await DevBootstrap.RunAsync(settings.DataDirectory, () => new Uri(resources["gateway"].Urls[0]), () => operatorKey!, messages, stoppingToken);
        var elapsed = settings.Clock.Elapsed;
        var path = EndpointsFile.Write(settings.DataDirectory, resources, elapsed);
        LogReady(Table(resources, path, messages, elapsed));
    }

    /// <summary>The instances of a resource seen so far, in the order of their ids (the replica order of endpoints.json).</summary>
    private static List<ResourceEvent> Instances(Dictionary<string, ResourceEvent> latest, IResource resource) =>
        [.. latest.Values.Where(e => e.Resource == resource).OrderBy(e => e.ResourceId, StringComparer.Ordinal)];

    private static int Replicas(IResource resource) =>
        resource.TryGetLastAnnotation<ReplicaAnnotation>(out var replicas) ? replicas.Replicas : 1;

    private static bool IsReady(CustomResourceSnapshot snapshot) =>
        snapshot.State?.Text == KnownResourceStates.Running && snapshot.HealthStatus == HealthStatus.Healthy;

    /// <summary>
    /// The address of this one instance: a project replica's own listening URL (the one Aspire gave it in
    /// <c>ASPNETCORE_URLS</c>; the resource's URL is a proxy spreading calls over the replicas), else the first URL.
    /// </summary>
    private static string? InstanceUrl(CustomResourceSnapshot snapshot)
    {
        var listening = snapshot.EnvironmentVariables.FirstOrDefault(v => v.Name == "ASPNETCORE_URLS")?.Value;
        if (listening is { Length: > 0 })
        {
            return listening.Split(';')[0];
        }
        return snapshot.Urls.FirstOrDefault(u => !u.IsInternal)?.Url ?? snapshot.Urls.FirstOrDefault()?.Url;
    }

    private static string Table(Dictionary<string, ResourceEndpoints> resources, string endpointsPath, List<string> messages, TimeSpan elapsed)
    {
        var table = new StringBuilder().AppendLine();
        foreach (var (name, endpoints) in resources)
        {
            table.AppendLine($"  {name,-24} {endpoints.Type,-18} {string.Join(" ", endpoints.Urls)}");
        }
        table.AppendLine($"  Endpoints and connection strings: {endpointsPath}");
        foreach (var message in messages)
        {
            table.AppendLine($"  {message}");
        }
        table.Append($"Platform ready in {elapsed.TotalSeconds:0.0} s");
        return table.ToString();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The platform's ready step failed: {Type}: {Message}")]
    private partial void LogReportFailed(string type, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Table}")]
    private partial void LogReady(string table);
}
