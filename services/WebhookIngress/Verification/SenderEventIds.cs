using System.Security.Cryptography;

namespace Platform.WebhookIngress.Verification;

/// <summary>The sender's id of an event, which dedupes repeats on a route; a hash of the signed content when the sender gives none.</summary>
public static class SenderEventIds
{
    public const int MaxLength = 200;

    /// <summary>Printable ASCII without spaces, 1-200 characters: safe to store, log and compare.</summary>
    public static bool IsValid(string? id) =>
        id is { Length: > 0 and <= MaxLength } && id.All(c => c is > ' ' and <= '~');

    /// <summary><c>sha256:&lt;hex&gt;</c> of the signed content: a byte-identical replay is the same event.</summary>
    public static string FromContent(ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> body)
    {
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha256.AppendData(prefix);
        sha256.AppendData(body);
        return "sha256:" + Convert.ToHexStringLower(sha256.GetHashAndReset());
    }
}
