using System.Buffers.Binary;
using System.Buffers.Text;

namespace Platform.AuditWriter.Queries;

/// <summary>
/// The opaque keyset position of the last row of a page (newest first): its <c>occurred_at</c> and id. Clients pass
/// it back unchanged; it carries no tenant, which always comes from the caller's credential.
/// </summary>
public readonly record struct PageCursor(DateTime OccurredAt, Guid Id)
{
    private const byte Version = 1;
    private const int Length = 1 + 8 + 16;

    public string Encode()
    {
        Span<byte> bytes = stackalloc byte[Length];
        bytes[0] = Version;
        BinaryPrimitives.WriteInt64BigEndian(bytes[1..], OccurredAt.Ticks);
        Id.TryWriteBytes(bytes[9..], bigEndian: true, out _);
        return Base64Url.EncodeToString(bytes);
    }

    public static bool TryDecode(string? text, out PageCursor cursor)
    {
        cursor = default;
        if (string.IsNullOrEmpty(text) || text.Length > 64)
        {
            return false;
        }
        // TryDecodeFromChars throws on characters outside the alphabet; IsValid checks them first.
        Span<byte> bytes = stackalloc byte[48];
        if (!Base64Url.IsValid(text, out var decodedLength) || decodedLength != Length
            || !Base64Url.TryDecodeFromChars(text, bytes, out var written) || written != Length || bytes[0] != Version)
        {
            return false;
        }
        var ticks = BinaryPrimitives.ReadInt64BigEndian(bytes[1..]);
        if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
        {
            return false;
        }
        cursor = new PageCursor(new DateTime(ticks, DateTimeKind.Utc), new Guid(bytes.Slice(9, 16), bigEndian: true));
        return true;
    }

    /// <summary>The cursor parameter, or an error on <c>cursor</c> when it was tampered with.</summary>
    public static PageCursor? Parse(string? text, QueryErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (TryDecode(text, out var cursor))
        {
            return cursor;
        }
        errors.Add("cursor", "Is not a cursor returned by this API.");
        return null;
    }
}
