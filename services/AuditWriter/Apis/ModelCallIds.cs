using System.Security.Cryptography;
using System.Text;

namespace Platform.AuditWriter.Apis;

/// <summary>
/// The ledger id of a reported call. With a request id it is derived from (tenant, agent, request id), so a retried
/// report is the same event and the ledger's idempotency drops it; without one every report is new.
/// </summary>
public static class ModelCallIds
{
    public static Guid For(string tenantId, string agentId, string? requestId)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        ArgumentNullException.ThrowIfNull(agentId);
        if (string.IsNullOrWhiteSpace(requestId))
        {
            return Guid.CreateVersion7();
        }
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes($"model-call\n{tenantId}\n{agentId}\n{requestId.Trim()}"), hash);
        var bytes = hash[..16];
        // RFC 9562 version 8 (custom), variant 10: a name-based id of our own.
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
