using System.Collections.Concurrent;
using Platform.WebhookIngress.Routes;

namespace Platform.WebhookIngress.Receiving;

/// <summary>
/// Routes kept in memory by (tenant id, slug), so a webhook needs no route query. Only trusted while this replica
/// listens for route changes (<see cref="RouteChangeListener"/>): a change committed anywhere drops the route here as
/// soon as PostgreSQL delivers its notice; while not listening nothing is kept and every request reads the table.
/// Routes that are not found are never kept.
/// </summary>
public sealed class RouteCache
{
    private readonly ConcurrentDictionary<(Guid TenantId, string Slug), WebhookRoute> _routes = new();

    /// <summary>Bumped by every change notice and whenever listening starts or stops: a read that saw it move may be stale.</summary>
    private long _generation;

    private volatile bool _listening;

    /// <summary>Where a route read from the table starts: pass it to <see cref="Keep"/>.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public bool TryGet(Guid tenantId, string slug, out WebhookRoute? route)
    {
        route = null;
        return _listening && _routes.TryGetValue((tenantId, slug), out route);
    }

    /// <summary>Keeps <paramref name="route"/> unless a change was noticed (or listening stopped) since <paramref name="readAt"/>.</summary>
    public void Keep(WebhookRoute route, long readAt)
    {
        ArgumentNullException.ThrowIfNull(route);
        if (!_listening)
        {
            return;
        }
        var key = (route.TenantId, route.Slug);
        _routes[key] = route;
        // A notice that arrived during the read bumped the generation before dropping the key; seeing the bump here
        // means the read may predate that change, so it is not kept.
        if (Interlocked.Read(ref _generation) != readAt || !_listening)
        {
            _routes.TryRemove(key, out _);
        }
    }

    /// <summary>A route changed or was deleted: the notice's payload is <c>{tenant id}/{slug}</c>.</summary>
    public void Forget(string notice)
    {
        Interlocked.Increment(ref _generation);
        var separator = notice.IndexOf('/', StringComparison.Ordinal);
        if (separator > 0 && Guid.TryParse(notice.AsSpan(0, separator), out var tenantId))
        {
            _routes.TryRemove((tenantId, notice[(separator + 1)..]), out _);
        }
        else
        {
            _routes.Clear();
        }
    }

    /// <summary>Listening (again): changes made while nobody listened were missed, so start empty.</summary>
    public void StartListening()
    {
        Interlocked.Increment(ref _generation);
        _routes.Clear();
        _listening = true;
    }

    public void StopListening()
    {
        _listening = false;
        Interlocked.Increment(ref _generation);
        _routes.Clear();
    }
}
