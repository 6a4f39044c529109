using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Platform.SecretsVault.Tests.Sources;

/// <summary>
/// A local HTTPS server (self-signed certificate) that speaks Azure Key Vault's "get secret" call the way the
/// service does: an unauthenticated request gets a 401 bearer challenge; a request with the expected token gets
/// the secret bundle; an unknown secret gets Key Vault's 404 error body. It also answers as an App Service managed
/// identity endpoint (<c>IDENTITY_ENDPOINT</c>), which is how <c>DefaultAzureCredential</c> gets its token here.
/// </summary>
internal sealed class KeyVaultStandIn : IAsyncDisposable
{
    public const string Token = "stand-in-access-token";
    public const string Resource = "https://vault.azure.net";
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public const string IdentityHeader = "stand-in-identity-header";

    private readonly WebApplication _app;

    private KeyVaultStandIn(WebApplication app, X509Certificate2 certificate, string authorityPem)
    {
        _app = app;
        Certificate = certificate;
        CertificateAuthorityPem = authorityPem;
    }

    /// <summary>The server's certificate (for a test transport that pins exactly it).</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The CA that issued it, PEM: what a process given <c>SSL_CERT_FILE</c> pointing at it trusts.</summary>
    public string CertificateAuthorityPem { get; }

    public Uri Endpoint { get; private set; } = null!;

    public Uri ManagedIdentityEndpoint { get; private set; } = null!;

    /// <summary>(name, version or "") → value.</summary>
    public ConcurrentDictionary<(string Name, string Version), string> Secrets { get; } = new();

    /// <summary>Key Vault calls, as "METHOD path?query auth=bearer|none".</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>The resources managed identity tokens were asked for.</summary>
    public ConcurrentQueue<string> TokenRequests { get; } = new();

    public int ChallengesSent;

    public static async Task<KeyVaultStandIn> StartAsync()
    {
        var (certificate, authorityPem) = CreateCertificates();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        var standIn = new KeyVaultStandIn(app, certificate, authorityPem);
        app.MapGet("/secrets/{name}/{version?}", standIn.GetSecret);
        app.MapGet("/msi/token", standIn.GetManagedIdentityToken);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        standIn.Endpoint = new Uri(address.Replace("127.0.0.1", "localhost", StringComparison.Ordinal) + "/");
        standIn.ManagedIdentityEndpoint = new Uri(standIn.Endpoint, "msi/token");
        return standIn;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Certificate.Dispose();
    }

    private IResult GetSecret(HttpContext context, string name, string? version)
    {
        Requests.Enqueue($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString} auth={(context.Request.Headers.Authorization.Count > 0 ? "bearer" : "none")}");
        if (!context.Request.Query.ContainsKey("api-version"))
        {
            return Results.Json(Error("BadParameter", "api-version is required"), statusCode: 400);
        }
        if (context.Request.Headers.Authorization.ToString() != $"Bearer {Token}")
        {
            Interlocked.Increment(ref ChallengesSent);
            context.Response.Headers.WWWAuthenticate =
                $"Bearer authorization=\"https://login.microsoftonline.com/{TenantId}\", resource=\"{Resource}\"";
            return Results.Json(Error("Unauthorized", "AKV10000: Request is missing a Bearer or PoP token."), statusCode: 401);
        }
        if (!Secrets.TryGetValue((name, version ?? ""), out var value))
        {
            return Results.Json(Error("SecretNotFound", $"A secret with (name/id) {name} was not found in this key vault."), statusCode: 404);
        }
        var id = $"https://{context.Request.Host}/secrets/{name}/{version ?? "0123456789abcdef0123456789abcdef"}";
        return Results.Json(new
        {
            value,
            id,
            attributes = new { enabled = true, created = 1_700_000_000, updated = 1_700_000_000, recoveryLevel = "Recoverable+Purgeable" },
            tags = new Dictionary<string, string>(),
        });
    }

    /// <summary>The App Service managed identity endpoint (<c>IDENTITY_ENDPOINT</c>) that DefaultAzureCredential asks.</summary>
    private IResult GetManagedIdentityToken(HttpContext context)
    {
        TokenRequests.Enqueue(context.Request.Query["resource"].ToString());
        if (context.Request.Headers["X-IDENTITY-HEADER"] != IdentityHeader)
        {
            return Results.StatusCode(401);
        }
        return Results.Json(new
        {
            access_token = Token,
            expires_on = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            resource = context.Request.Query["resource"].ToString(),
            token_type = "Bearer",
        });
    }

    private static object Error(string code, string message) => new { error = new { code, message } };

    /// <summary>A throwaway CA and a "localhost" server certificate it signed (trusted through the CA, e.g. by SSL_CERT_FILE).</summary>
    private static (X509Certificate2 Server, string AuthorityPem) CreateCertificates()
    {
        var now = DateTimeOffset.UtcNow;
        using var authorityKey = RSA.Create(2048);
        var authorityRequest = new CertificateRequest("CN=Key Vault stand-in test CA", authorityKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        authorityRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: true, pathLengthConstraint: 0, critical: true));
        authorityRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        using var authority = authorityRequest.CreateSelfSigned(now.AddMinutes(-5), now.AddHours(2));

        using var serverKey = RSA.Create(2048);
        var serverRequest = new CertificateRequest("CN=localhost", serverKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        serverRequest.CertificateExtensions.Add(names.Build());
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var issued = serverRequest.Create(authority, now.AddMinutes(-1), now.AddHours(1), RandomNumberGenerator.GetBytes(12));
        using var withKey = issued.CopyWithPrivateKey(serverKey);
        // Kestrel needs the private key in a form it can use on Linux: round-trip through PKCS#12.
        return (X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), password: null), authority.ExportCertificatePem());
    }
}
