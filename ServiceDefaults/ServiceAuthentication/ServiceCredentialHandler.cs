using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.ServiceDiscovery;

namespace Platform.ServiceDefaults.ServiceAuthentication;

/// <summary>
/// Presents this service's credential, but only to platform services (hosts resolved by service discovery):
/// a request to an upstream or any other host never carries it.
/// </summary>
public sealed class ServiceCredentialHandler(IOptions<ServiceCredentialOptions> options, ServiceEndpointResolver resolver) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (options.Value.Key is { Length: > 0 } key
            && request.Headers.Authorization is null
            && request.RequestUri is { } uri
            && resolver.IsConfigured(uri.Host))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue(ServiceCredentialDefaults.Scheme, key);
        }
        return base.SendAsync(request, cancellationToken);
    }
}
