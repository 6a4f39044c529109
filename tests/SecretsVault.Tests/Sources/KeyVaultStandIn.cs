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
/// the secret bundle; an unknown secret gets Key Vault's 404 error body.
/// </summary>
internal sealed class KeyVaultStandIn : IAsyncDisposable
{
    public const string Token = "stand-in-access-token";
    public const string Resource = "https://vault.azure.net";
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    private readonly WebApplication _app;

    private KeyVaultStandIn(WebApplication app, X509Certificate2 certificate)
    {
        _app = app;
        Certificate = certificate;
    }

    public X509Certificate2 Certificate { get; }

    public Uri Endpoint { get; private set; } = null!;

    /// <summary>(name, version or "") → value.</summary>
    public ConcurrentDictionary<(string Name, string Version), string> Secrets { get; } = new();

    public ConcurrentQueue<string> Requests { get; } = new();

    public int ChallengesSent;

    public static async Task<KeyVaultStandIn> StartAsync()
    {
        var certificate = CreateCertificate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        var standIn = new KeyVaultStandIn(app, certificate);
        app.MapGet("/secrets/{name}/{version?}", standIn.GetSecret);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        standIn.Endpoint = new Uri(address.Replace("127.0.0.1", "localhost", StringComparison.Ordinal) + "/");
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

    private static object Error(string code, string message) => new { error = new { code, message } };

    private static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        // Kestrel needs the private key in a form it can use on Linux: round-trip through PKCS#12.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), password: null);
    }
}
