using System.Net.Http.Headers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Platform.ServiceDefaults.ServiceAuthentication;

/// <summary>
/// Presents this service's credential, but only to platform services (hosts that service discovery's configuration
/// names, <c>services:{name}</c>): a request to an upstream or any other host never carries it.
/// </summary>
public sealed class ServiceCredentialHandler(IOptions<ServiceCredentialOptions> options, IConfiguration configuration) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (options.Value.Key is { Length: > 0 } key
            && request.Headers.Authorization is null
            && request.RequestUri is { IsAbsoluteUri: true } uri
            && IsPlatformService(uri.Host))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue(ServiceCredentialDefaults.Scheme, key);
        }
        return base.SendAsync(request, cancellationToken);
    }

    private bool IsPlatformService(string host) =>
        host.Length > 0 && configuration.GetSection(ServiceNames.DiscoverySection).GetSection(host).Exists();
}
