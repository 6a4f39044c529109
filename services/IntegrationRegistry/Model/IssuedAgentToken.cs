namespace Platform.IntegrationRegistry.Model;

/// <summary>A new agent token; <c>token</c> is shown in this answer only.</summary>
public sealed record IssuedAgentToken(Guid Id, Guid AgentId, string Token, DateTimeOffset? ExpiresAt)
{
    public override string ToString() => $"IssuedAgentToken {{ Id = {Id}, AgentId = {AgentId} }}";
}
