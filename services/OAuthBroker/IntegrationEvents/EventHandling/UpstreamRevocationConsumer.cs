using MassTransit;
using Platform.Contracts;
using Platform.OAuthBroker.Revocation;
using Platform.OAuthBroker.Tokens;

namespace Platform.OAuthBroker.IntegrationEvents.EventHandling;

/// <summary>
/// A credential was revoked in the registry: if it is one of the broker's OAuth credentials, it is never renewed
/// again, and its tokens are revoked at the authorization server at once (retried by <see cref="UpstreamRevocationLoop"/>
/// when that fails). One shared queue: one broker replica handles each revocation.
/// </summary>
public sealed class UpstreamRevocationConsumer(OAuthTokenStore store, UpstreamRevoker revoker, TimeProvider time) : IConsumer<CredentialRevoked>
{
    public async Task Consume(ConsumeContext<CredentialRevoked> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var message = context.Message;
        if (!Guid.TryParse(message.TenantId, out var tenantId))
        {
            return;
        }
        if (await store.MarkRevokedAsync(tenantId, message.CredentialId, time.GetUtcNow(), context.CancellationToken))
        {
            await revoker.RevokeAsync(tenantId, message.CredentialId, context.CancellationToken);
        }
    }
}
