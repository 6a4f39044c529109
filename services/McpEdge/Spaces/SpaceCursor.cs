using System.Buffers.Text;

namespace Platform.McpEdge.Spaces;

/// <summary>An opaque cursor over a Space's events: the last event of the previous page (base64url), older ones follow.</summary>
public static class SpaceCursor
{
    public static string Encode(Guid eventId) => Base64Url.EncodeToString(eventId.ToByteArray());

    public static bool TryDecode(string cursor, out Guid eventId)
    {
        eventId = Guid.Empty;
        if (cursor is not { Length: 22 } || !Base64Url.IsValid(cursor))
        {
            return false;
        }
        var bytes = Base64Url.DecodeFromChars(cursor);
        if (bytes.Length != 16)
        {
            return false;
        }
        eventId = new Guid(bytes);
        return true;
    }
}
