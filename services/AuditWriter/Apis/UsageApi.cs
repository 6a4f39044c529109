using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.AuditWriter.Ingest;
using Platform.AuditWriter.Queries;
using Platform.Contracts;

namespace Platform.AuditWriter.Apis;

/// <summary><c>/api/usage</c>: the model-usage ledger. Agents report calls; tenant admins read them.</summary>
public static partial class UsageApi
{
    /// <summary>The summary covers the last 30 days unless <c>from</c> says otherwise.</summary>
    public static readonly TimeSpan DefaultSummaryWindow = TimeSpan.FromDays(30);

    private static readonly JsonSerializerOptions BodyOptions = new(JsonSerializerDefaults.Web);

    public static RouteGroupBuilder MapUsageApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/usage").WithTags("Model-usage ledger");

        api.MapPost("/model-calls", RecordModelCall)
            .RequireAuthorization(AuditPolicies.Agent)
            .Accepts<ModelCallReport>("application/json")
            .WithName("RecordModelCall")
            .WithSummary("Reports one model call of the calling agent; it is published to the ledger.");
        api.MapGet("/model-calls", ListModelCalls)
            .RequireAuthorization(AuditPolicies.TenantAdmin)
            .WithName("ListModelCalls")
            .WithSummary("Model calls of the caller's tenant, newest first, with keyset pagination.");
        api.MapGet("/summary", SummarizeUsage)
            .RequireAuthorization(AuditPolicies.TenantAdmin)
            .WithName("SummarizeUsage")
            .WithSummary("Per UTC day, agent and model: calls, tokens and cost (default: the last 30 days).");
        return api;
    }

    public static async Task<Results<Accepted<ModelCallAccepted>, ValidationProblem, ProblemHttpResult>> RecordModelCall(
        HttpRequest request, [AsParameters] UsageServices services, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasJsonContentType())
        {
            return TypedResults.Problem("The body must be JSON (Content-Type: application/json).", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }
        ModelCallReport? report;
        try
        {
            report = await JsonSerializer.DeserializeAsync<ModelCallReport>(request.Body, BodyOptions, cancellationToken);
        }
        catch (JsonException exception)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [FieldOf(exception.Path)] = ["Is not valid JSON of the expected type."],
            });
        }
        if (report is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["Is required."] });
        }
        var now = services.TimeProvider.GetUtcNow().UtcDateTime;
        var errors = ModelCallReportValidator.Validate(report, now);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var tenantId = user.TenantId();
        var agentId = user.AgentId();
        var recorded = new ModelUsageRecorded(
            ModelCallIds.For(tenantId, agentId, report.RequestId),
            report.OccurredAt?.UtcDateTime ?? now,
            tenantId,
            agentId,
            report.Model!.Trim(),
            report.InputTokens!.Value,
            report.OutputTokens!.Value,
            report.Cost!.Value,
            Provider: report.Provider?.Trim(),
            CachedTokens: report.CachedTokens ?? 0,
            LatencyMs: report.LatencyMs,
            RequestId: report.RequestId?.Trim(),
            SubjectId: user.SubjectId(),
            AgentSlug: user.AgentSlug(),
            IdentityName: user.SubjectName());
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(UsageServices.PublishTimeout);
        try
        {
            await services.Publisher.Publish(recorded, timeout.Token);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is not ArgumentException)
        {
            LogPublishFailed(services.Logger, recorded.Id, exception.GetType().Name);
            return TypedResults.Problem("The usage ledger cannot take the record right now; try again.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        return TypedResults.Accepted((string?)null, new ModelCallAccepted(recorded.Id));
    }

    public static async Task<Results<Ok<Page<ModelCallItem>>, ValidationProblem>> ListModelCalls(
        [AsParameters] ModelCallListRequest request, [AsParameters] AuditServices services, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var errors = new QueryErrors();
        var filter = Filter(request, user, errors);
        var cursor = PageCursor.Parse(request.Cursor, errors);
        var limit = QueryValues.Limit(request.Limit, errors);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        return TypedResults.Ok(await services.ModelCalls.ListAsync(filter, cursor, limit, cancellationToken));
    }

    public static async Task<Results<Ok<UsageSummary>, ValidationProblem>> SummarizeUsage(
        [AsParameters] ModelCallListRequest request, [AsParameters] AuditServices services, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var errors = new QueryErrors();
        var filter = Filter(request, user, errors);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var from = filter.From ?? services.TimeProvider.GetUtcNow().UtcDateTime - DefaultSummaryWindow;
        var days = await services.ModelCalls.SummarizeAsync(filter with { From = from }, cancellationToken);
        return TypedResults.Ok(new UsageSummary(
            from, filter.To, days.Sum(day => day.InputTokens), days.Sum(day => day.OutputTokens), days.Sum(day => day.Cost), days));
    }

    private static ModelCallFilter Filter(ModelCallListRequest request, ClaimsPrincipal user, QueryErrors errors)
    {
        var from = QueryValues.Instant(request.From, "from", errors);
        var to = QueryValues.Instant(request.To, "to", errors);
        QueryValues.Range(from, to, errors);
        return new ModelCallFilter(
            user.TenantId(),
            QueryValues.Identifier(request.Agent, "agent", "agentSlug", errors),
            QueryValues.Text(request.Model, "model", 200, errors),
            QueryValues.Text(request.Provider, "provider", 100, errors),
            from,
            to)
        {
            IdentityId = QueryValues.Identifier(request.Identity, "identity", "identityName", errors),
            AgentSlug = QueryValues.AgentSlug(request.AgentSlug, "agentSlug", errors),
            IdentityName = QueryValues.Text(request.IdentityName, "identityName", CallerNames.MaxIdentityNameLength, errors),
        };
    }

    /// <summary><c>$.inputTokens</c> → <c>inputTokens</c>; the whole body when the path is the root.</summary>
    private static string FieldOf(string? path) =>
        path is { Length: > 2 } && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "body";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing ModelUsageRecorded {Id} failed ({Error})")]
    private static partial void LogPublishFailed(ILogger logger, Guid id, string error);
}
