using Microsoft.AspNetCore.Mvc;

namespace Platform.AuditWriter.Apis;

/// <summary>Query parameters of <c>GET /api/usage/model-calls</c> and <c>/api/usage/summary</c>; all optional.</summary>
public sealed class ModelCallListRequest
{
    /// <summary>Only calls reported by this agent (its id, a GUID).</summary>
    [FromQuery(Name = "agent")] public string? Agent { get; init; }

    /// <summary>Only calls reported by an agent whose slug was this when it reported.</summary>
    [FromQuery(Name = "agentSlug")] public string? AgentSlug { get; init; }

    /// <summary>Only calls of agents acting for this identity (its id, a GUID).</summary>
    [FromQuery(Name = "identity")] public string? Identity { get; init; }

    /// <summary>Only calls of agents acting for an identity whose name was this when they reported.</summary>
    [FromQuery(Name = "identityName")] public string? IdentityName { get; init; }

    [FromQuery(Name = "model")] public string? Model { get; init; }

    [FromQuery(Name = "provider")] public string? Provider { get; init; }

    /// <summary>Calls at or after this instant (ISO 8601).</summary>
    [FromQuery(Name = "from")] public string? From { get; init; }

    /// <summary>Calls before this instant (ISO 8601).</summary>
    [FromQuery(Name = "to")] public string? To { get; init; }

    /// <summary>The <c>nextCursor</c> of the previous page (list only).</summary>
    [FromQuery(Name = "cursor")] public string? Cursor { get; init; }

    /// <summary>Page size, 1 to 500 (default 50; list only).</summary>
    [FromQuery(Name = "limit")] public string? Limit { get; init; }
}
