using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Platform.OAuthProbe;

/// <summary>
/// The redirect URI of a native client (RFC 8252 section 7.3): <c>http://127.0.0.1:{port}/callback</c> on a port
/// the system picks, answering the browser's one GET with a short page and handing back the URL it carried.
/// </summary>
internal sealed class LoopbackRedirectListener : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    public LoopbackRedirectListener()
    {
        _listener.Start();
        RedirectUri = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/callback");
    }

    public Uri RedirectUri { get; }

    /// <summary>Waits for the browser's request to <see cref="RedirectUri"/> and returns its full URL.</summary>
    public async Task<Uri> WaitForCallbackAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            using var connection = await _listener.AcceptTcpClientAsync(cancellationToken).ConfigureAwait(false);
            var stream = connection.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
            var requestLine = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) ?? "";
            var parts = requestLine.Split(' ');
            var ok = parts.Length == 3 && parts[0] == "GET" && parts[1].StartsWith("/callback?", StringComparison.Ordinal);
            var body = ok ? "Authorization received; you can close this window and return to oauth-probe." : "Not found.";
            var answer = $"HTTP/1.1 {(ok ? "200 OK" : "404 Not Found")}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\nConnection: close\r\n\r\n{body}";
            await stream.WriteAsync(Encoding.UTF8.GetBytes(answer), cancellationToken).ConfigureAwait(false);
            if (ok)
            {
                return new Uri(RedirectUri, parts[1]);
            }
        }
    }

    public void Dispose() => _listener.Stop();
}
