using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Platform.Outbound;

namespace Platform.OAuth.Tests;

/// <summary>An engine wired as the broker wires it, with loopback allowed by the outbound policy as in development.</summary>
public sealed class EngineHarness : IDisposable
{
    public const string Binding = "person-1/install-1";

    public static readonly Uri RedirectUri = new("http://127.0.0.1:1/callback");

    private readonly HttpClient _plain = new(new SocketsHttpHandler { AllowAutoRedirect = false });

    public EngineHarness(TimeSpan? stepTimeout = null, string[]? allowedNetworks = null)
    {
        var outbound = new OutboundPolicy(
            Options.Create(new OutboundPolicyOptions { AllowedNetworks = [.. allowedNetworks ?? ["127.0.0.0/8"]] }),
            NullLogger<OutboundPolicy>.Instance);
        Engine = new OAuthEngine(outbound, Registrations, States,
            Options.Create(new OAuthEngineOptions { StepTimeout = stepTimeout ?? TimeSpan.FromSeconds(10) }),
            Time, NullLogger<OAuthEngine>.Instance);
    }

    public OAuthEngine Engine { get; }

    public InMemoryClientRegistrationStore Registrations { get; } = new();

    public InMemoryAuthorizationStateStore States { get; } = new();

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public static OAuthClientSettings Settings(PreRegisteredClient? pre = null, Uri? document = null, string[]? scopes = null) => new()
    {
        PreRegistered = pre,
        ClientMetadataDocumentUrl = document,
        RedirectUri = RedirectUri,
        ConfiguredScopes = scopes ?? [],
    };

    public async Task<OAuthSession> PrepareAsync(Uri server, OAuthClientSettings? settings = null)
    {
        var challenge = await Engine.ChallengeAsync(server, CancellationToken.None);
        return await Engine.PrepareAsync(server, challenge, settings ?? Settings(), OAuthGrant.AuthorizationCode, CancellationToken.None);
    }

    /// <summary>A whole authorization: start, the server's immediate redirect, completion.</summary>
    public async Task<TokenSet> AuthorizeAsync(OAuthSession session, string? scope = null)
    {
        var request = await Engine.StartAuthorizationAsync(session, Binding, scope, CancellationToken.None);
        var callback = await Engine.TryAuthorizeWithoutBrowserAsync(request, RedirectUri, CancellationToken.None);
        Assert.NotNull(callback);
        return await Engine.CompleteAuthorizationAsync(callback, Binding, CancellationToken.None);
    }

    public async Task<HttpResponseMessage> CallAsync(Uri server, string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, server)
        {
            Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"tools/list"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return await _plain.SendAsync(request);
    }

    public void Dispose()
    {
        Engine.Dispose();
        _plain.Dispose();
    }
}
