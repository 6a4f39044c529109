using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.AuditWriter.Ingest;
using Platform.AuditWriter.Queries;

namespace Platform.AuditWriter.Apis;

/// <summary><c>/api/audit</c>: the tenant's tool-call audit, for its admins.</summary>
public static class ToolCallsApi
{
    /// <summary>The summary covers the last week unless <c>from</c> says otherwise.</summary>
    public static readonly TimeSpan DefaultSummaryWindow = TimeSpan.FromDays(7);

    public static RouteGroupBuilder MapToolCallsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/audit")
            .RequireAuthorization(AuditPolicies.TenantAdmin)
            .WithTags("Tool-call audit");

        api.MapGet("/tool-calls", ListToolCalls)
            .WithName("ListToolCalls")
            .WithSummary("Tool calls of the caller's tenant, newest first, with keyset pagination.");
        api.MapGet("/tool-calls/summary", SummarizeToolCalls)
            .WithName("SummarizeToolCalls")
            .WithSummary("Per tool: calls, error rate and p50/p95 duration (default: the last 7 days).");
        return api;
    }

    public static async Task<Results<Ok<Page<ToolCallItem>>, ValidationProblem>> ListToolCalls(
        [AsParameters] ToolCallListRequest request, [AsParameters] AuditServices services, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var errors = new QueryErrors();
        var filter = Filter(request, user, errors);
        var cursor = PageCursor.Parse(request.Cursor, errors);
        var limit = QueryValues.Limit(request.Limit, errors);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        return TypedResults.Ok(await services.ToolCalls.ListAsync(filter, cursor, limit, cancellationToken));
    }

    public static async Task<Results<Ok<ToolCallSummary>, ValidationProblem>> SummarizeToolCalls(
        [AsParameters] ToolCallListRequest request, [AsParameters] AuditServices services, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var errors = new QueryErrors();
        var filter = Filter(request, user, errors);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var from = filter.From ?? services.TimeProvider.GetUtcNow().UtcDateTime - DefaultSummaryWindow;
        var tools = await services.ToolCalls.SummarizeAsync(filter with { From = from }, cancellationToken);
        return TypedResults.Ok(new ToolCallSummary(from, filter.To, tools));
    }

    private static ToolCallFilter Filter(ToolCallListRequest request, ClaimsPrincipal user, QueryErrors errors)
    {
        var from = QueryValues.Instant(request.From, "from", errors);
        var to = QueryValues.Instant(request.To, "to", errors);
        QueryValues.Range(from, to, errors);
        return new ToolCallFilter(
            user.TenantId(),
            QueryValues.Identifier(request.Agent, "agent", "agentSlug", errors),
            QueryValues.Identifier(request.Identity, "identity", "identityName", errors),
            QueryValues.Guid(request.Install, "install", errors, "installSlug"),
            QueryValues.Kind(request.Kind, "kind", errors),
            QueryValues.Text(request.Tool, "tool", 256, errors),
            QueryValues.Outcome(request.Outcome, "outcome", errors),
            from,
            to)
        {
            AgentSlug = QueryValues.AgentSlug(request.AgentSlug, "agentSlug", errors),
            IdentityName = QueryValues.Text(request.IdentityName, "identityName", CallerNames.MaxIdentityNameLength, errors),
            InstallSlug = QueryValues.InstallSlug(request.InstallSlug, "installSlug", errors),
        };
    }
}
