using Platform.WebhookIngress.Receiving;

namespace Platform.WebhookIngress.Apis;

/// <summary>
/// Where senders post: <c>POST /webhooks/{tenant-slug}/{route-slug}</c> (routed from the gateway unchanged). The body
/// is read raw by the receiver, never bound or re-serialised.
/// </summary>
public static class WebhookReceiveApi
{
    public static RouteHandlerBuilder MapWebhookReceiveApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/webhooks/{tenantSlug}/{routeSlug}", ReceiveAsync)
            .WithName("ReceiveWebhook")
            .WithTags("Webhook ingress")
            .WithSummary("Verify, dedupe and durably accept one webhook (202 with the event id).")
            .Produces<WebhookAcceptedResponse>(StatusCodes.Status202Accepted)
            .Produces<SlackChallengeResponse>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    public static async Task<IResult> ReceiveAsync(string tenantSlug, string routeSlug, HttpContext context, WebhookReceiver receiver)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(receiver);
        var outcome = await receiver.ReceiveAsync(tenantSlug, routeSlug, context.Request, context.RequestAborted);
        switch (outcome)
        {
            case ReceiveOutcome.Accepted accepted:
                return TypedResults.Json(new WebhookAcceptedResponse(accepted.EventId, accepted.Duplicate), statusCode: StatusCodes.Status202Accepted);
            case ReceiveOutcome.Challenge challenge:
                return TypedResults.Ok(new SlackChallengeResponse(challenge.Value));
            case ReceiveOutcome.Rejected { Reason: var reason }:
                if (reason == RejectionReason.DependencyUnavailable)
                {
                    context.Response.Headers.RetryAfter = "5";
                }
                return TypedResults.Problem(title: reason.PublicReason(), statusCode: reason.StatusCode());
            default:
                throw new InvalidOperationException($"Unhandled outcome {outcome.GetType().Name}.");
        }
    }
}
