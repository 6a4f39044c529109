using System.Net;
using Microsoft.Extensions.Options;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Platform.OAuth;
using Platform.Outbound;

namespace Platform.OAuthProbe;

/// <summary>
/// The probe: the platform's OAuth engine against one MCP server, each step printed, then the server's tools listed
/// and one called. Exit codes: 0 done, 1 a step failed (one line on the error output says which), 2 bad usage.
/// </summary>
internal sealed class ProbeRunner(TextWriter output, TextWriter error)
{
    public const int Succeeded = 0;
    public const int Failed = 1;
    public const int BadUsage = 2;

    /// <summary>How long a person has to approve in the browser: the engine's state lifetime.</summary>
    private static readonly TimeSpan BrowserWait = TimeSpan.FromMinutes(10);

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        ProbeOptions options;
        try
        {
            options = ProbeOptions.Parse(args, Environment.GetEnvironmentVariable);
        }
        catch (UsageException ex)
        {
            await error.WriteLineAsync($"oauth-probe: {ex.Message}");
            await error.WriteLineAsync(ProbeOptions.Usage);
            return BadUsage;
        }
        try
        {
            await ProbeAsync(options, cancellationToken);
            return Succeeded;
        }
        catch (OAuthException ex)
        {
            await error.WriteLineAsync($"oauth-probe: failed at {ex.Message}");
        }
        catch (ProbeFailedException ex)
        {
            await error.WriteLineAsync($"oauth-probe: {ex.Message}");
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("oauth-probe: stopped.");
        }
        return Failed;
    }

    private async Task ProbeAsync(ProbeOptions options, CancellationToken cancellationToken)
    {
        var outbound = new OutboundPolicy(
            Options.Create(new OutboundPolicyOptions { AllowedHosts = options.AllowedHosts, AllowedNetworks = options.AllowedNetworks }),
            new StepLogger<OutboundPolicy>(output));
        using var listener = new LoopbackRedirectListener();
        var settings = new OAuthClientSettings
        {
            PreRegistered = options.ClientId is { } id
                ? new PreRegisteredClient(id, options.ClientSecret, options.TokenAuth ?? (options.ClientSecret is null ? TokenEndpointAuthMethods.None : TokenEndpointAuthMethods.ClientSecretBasic))
                : null,
            ClientMetadataDocumentUrl = options.ClientMetadataUrl,
            RedirectUri = listener.RedirectUri,
        };
        using var engine = new OAuthEngine(outbound, new InMemoryClientRegistrationStore(), new InMemoryAuthorizationStateStore(),
            Options.Create(new OAuthEngineOptions()), TimeProvider.System, new StepLogger<OAuthEngine>(output));
        var binding = Guid.NewGuid().ToString("N");

        await output.WriteLineAsync($"MCP server: {options.Server}");
        await output.WriteLineAsync("Step 1: unauthenticated request");
        var challenge = await engine.ChallengeAsync(options.Server, cancellationToken);
        OAuthSession? session = null;
        TokenSet? tokens = null;
        if (challenge is not null)
        {
            await output.WriteLineAsync("Step 2: discovery and client registration");
            session = await engine.PrepareAsync(options.Server, challenge, settings, OAuthGrant.AuthorizationCode, cancellationToken);
            tokens = await AuthorizeAsync(engine, session, listener, binding, options.Scope, cancellationToken);
        }

        var budget = new StepUpBudget();
        using var recorder = new ChallengeRecorder { InnerHandler = outbound.CreateHandler() };
        using var http = new HttpClient(recorder) { Timeout = TimeSpan.FromSeconds(60) };
        while (true)
        {
            recorder.Reset();
            try
            {
                await UseServerAsync(options, http, tokens, cancellationToken);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException && recorder.LastStatus == HttpStatusCode.Forbidden && recorder.Last is { IsInsufficientScope: true } refused && session is not null)
            {
                var scope = budget.Next(tokens?.Scope, refused);
                await output.WriteLineAsync($"Step-up {budget.Attempts} of {StepUpBudget.MaxAttempts}: the server asks for scope \"{refused.Scope}\"; authorizing again with \"{scope}\"");
                tokens = await AuthorizeAsync(engine, session, listener, binding, scope, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException && ex is not OAuthException && ex is not ProbeFailedException)
            {
                var status = recorder.LastStatus is { } s ? $" (the server answered {(int)s}{(recorder.Last?.Error is { } e ? $" {e}" : "")})" : "";
                throw new ProbeFailedException($"failed at the MCP session: {OneLine(ex.Message)}{status}");
            }
        }
    }

    private async Task<TokenSet> AuthorizeAsync(OAuthEngine engine, OAuthSession session, LoopbackRedirectListener listener, string binding, string? scope, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync("Step 3: authorization (PKCE S256)");
        var request = await engine.StartAuthorizationAsync(session, binding, scope, cancellationToken);
        var callback = await engine.TryAuthorizeWithoutBrowserAsync(request, listener.RedirectUri, cancellationToken);
        if (callback is null)
        {
            await output.WriteLineAsync($"Open this URL in a browser and approve; waiting up to {BrowserWait.TotalMinutes:0} minutes at {listener.RedirectUri}:");
            await output.WriteLineAsync(request.Url.AbsoluteUri);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(BrowserWait);
            try
            {
                callback = await listener.WaitForCallbackAsync(wait.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new ProbeFailedException($"failed at {OAuthSteps.AuthorizationResponse}: no browser came back within {BrowserWait.TotalMinutes:0} minutes.");
            }
        }
        else
        {
            await output.WriteLineAsync("  - the authorization server redirected at once; no browser needed");
        }
        await output.WriteLineAsync("Step 4: token request");
        return await engine.CompleteAuthorizationAsync(callback, binding, cancellationToken);
    }

    private async Task UseServerAsync(ProbeOptions options, HttpClient http, TokenSet? tokens, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync("Step 5: MCP session");
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = options.Server,
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = tokens is null ? null : new Dictionary<string, string> { ["Authorization"] = $"Bearer {tokens.AccessToken}" },
        }, http);
        await using var client = await McpClient.CreateAsync(transport, cancellationToken: cancellationToken);
        var tools = await client.ListToolsAsync(cancellationToken: cancellationToken);
        await output.WriteLineAsync($"  - {tools.Count} tool(s): {string.Join(", ", tools.Select(t => t.Name))}");
        if (options.Call is not { } name)
        {
            return;
        }
        await output.WriteLineAsync($"Step 6: calling {name}");
        var arguments = options.Arguments.ToDictionary(a => a.Key, a => (object?)a.Value);
        CallToolResult result;
        try
        {
            result = await client.CallToolAsync(name, arguments, cancellationToken: cancellationToken);
        }
        catch (McpException ex)
        {
            throw new ProbeFailedException($"failed at the tool call: {OneLine(ex.Message)}");
        }
        var text = string.Join(" ", result.Content.OfType<TextContentBlock>().Select(b => b.Text));
        await output.WriteLineAsync($"  - result: {Clip(text)}");
        if (result.IsError == true)
        {
            throw new ProbeFailedException($"failed at the tool call: {name} answered an error: {Clip(OneLine(text))}");
        }
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    private static string Clip(string text) => text.Length <= 2000 ? text : text[..2000] + "...";
}
