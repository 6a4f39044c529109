namespace Platform.ServiceDefaults.ServiceDiscovery;

/// <summary>
/// Sends a request to one physical endpoint of the service its URI names, then restores the logical URI
/// so an outer retry resolves again (and can reach another replica).
/// </summary>
public sealed class ServiceDiscoveryHandler(ServiceEndpointResolver resolver) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var logical = request.RequestUri;
        if (logical is null)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        var physical = resolver.Resolve(logical);
        if (ReferenceEquals(physical, logical))
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        request.RequestUri = physical;
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            request.RequestUri = logical;
        }
    }
}
