using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace Platform.WebhookIngress.Receiving;

/// <summary>Reads the raw body, never more than the route's limit plus one byte.</summary>
public static class RequestBodyReader
{
    private const int ChunkSize = 16 * 1024;

    /// <summary>The body's bytes, or null when it is larger than <paramref name="limit"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > limit)
        {
            return null;
        }
        using var body = new MemoryStream(request.ContentLength is { } length ? (int)length : ChunkSize);
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk.AsMemory(0, ChunkSize), ct)) > 0)
            {
                if (body.Length + read > limit)
                {
                    return null;
                }
                body.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        return body.ToArray();
    }
}
