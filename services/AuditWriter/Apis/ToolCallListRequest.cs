using Microsoft.AspNetCore.Mvc;

namespace Platform.AuditWriter.Apis;

/// <summary>Query parameters of <c>GET /api/audit/tool-calls</c>; all optional. Times are ISO 8601 (UTC if no offset).</summary>
public sealed class ToolCallListRequest
{
    /// <summary>Only calls made by this agent (its id, a GUID).</summary>
    [FromQuery(Name = "agent")] public string? Agent { get; init; }

    /// <summary>Only calls made by an agent whose slug was this at the time of the call.</summary>
    [FromQuery(Name = "agentSlug")] public string? AgentSlug { get; init; }

    /// <summary>Only calls made for this identity (the agent's subject; its id, a GUID).</summary>
    [FromQuery(Name = "identity")] public string? Identity { get; init; }

    /// <summary>Only calls made for an identity whose name was this at the time of the call.</summary>
    [FromQuery(Name = "identityName")] public string? IdentityName { get; init; }

    /// <summary>Only calls to this install (its id, a GUID).</summary>
    [FromQuery(Name = "install")] public string? Install { get; init; }

    /// <summary>Only calls to the install whose slug was this at the time of the call (<c>agent.&lt;slug&gt;</c>: calls to that agent).</summary>
    [FromQuery(Name = "installSlug")] public string? InstallSlug { get; init; }

    /// <summary>Only requests of this kind: tool, resource, resource-templates, prompt or completion.</summary>
    [FromQuery(Name = "kind")] public string? Kind { get; init; }

    /// <summary>Only calls of this tool (the namespaced name agents see).</summary>
    [FromQuery(Name = "tool")] public string? Tool { get; init; }

    /// <summary>Only calls with this outcome: success, tool-error, failed, rejected, cancelled (or unknown).</summary>
    [FromQuery(Name = "outcome")] public string? Outcome { get; init; }

    /// <summary>Calls at or after this instant.</summary>
    [FromQuery(Name = "from")] public string? From { get; init; }

    /// <summary>Calls before this instant.</summary>
    [FromQuery(Name = "to")] public string? To { get; init; }

    /// <summary>The <c>nextCursor</c> of the previous page.</summary>
    [FromQuery(Name = "cursor")] public string? Cursor { get; init; }

    /// <summary>Page size, 1 to 500 (default 50).</summary>
    [FromQuery(Name = "limit")] public string? Limit { get; init; }
}
