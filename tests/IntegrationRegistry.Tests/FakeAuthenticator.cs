using Platform.IntegrationRegistry.Client;
using Platform.IntegrationRegistry.Client.Authentication;

namespace Platform.IntegrationRegistry.Tests;

/// <summary>An in-memory registry that counts the questions it is asked and can be made to fail or to stall.</summary>
public sealed class FakeAuthenticator : IRegistryAuthenticator
{
    public Dictionary<string, AgentPrincipal> Agents { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, AdminPrincipal> AdminKeys { get; } = new(StringComparer.Ordinal);

    public int Calls { get; private set; }

    public bool Unreachable { get; set; }

    /// <summary>When set, lookups wait for it before answering.</summary>
    public TaskCompletionSource? Gate { get; set; }

    /// <summary>Completed when a lookup starts waiting at <see cref="Gate"/>.</summary>
    public TaskCompletionSource Waiting { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<AgentPrincipal?> AuthenticateAgentAsync(string token, CancellationToken ct)
    {
        await BeforeAnswerAsync();
        return Agents.GetValueOrDefault(token);
    }

    public async Task<AdminPrincipal?> AuthenticateAdminKeyAsync(string key, CancellationToken ct)
    {
        await BeforeAnswerAsync();
        return AdminKeys.GetValueOrDefault(key);
    }

    private async Task BeforeAnswerAsync()
    {
        Calls++;
        if (Gate is { } gate)
        {
            Waiting.TrySetResult();
            await gate.Task;
        }
        if (Unreachable)
        {
            throw new HttpRequestException("connection refused");
        }
    }
}
