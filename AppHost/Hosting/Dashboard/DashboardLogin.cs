using System.Security.Cryptography;
using System.Text;

namespace Platform.Hosting;

/// <summary>
/// The dashboard's own login, like Aspire's browser token: a random token made when the AppHost starts, printed on
/// its console and written to <c>endpoints.json</c> (mode 0600), asked of every resource command.
/// </summary>
internal sealed class DashboardLogin
{
    private const string BearerPrefix = "Bearer ";

    private readonly byte[] _token;

    public DashboardLogin(string token)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        Token = token;
        _token = Encoding.UTF8.GetBytes(token);
    }

    public string Token { get; }

    public static DashboardLogin Create() => new(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)));

    /// <summary>True when the request carries the token as a bearer credential (compared in constant time).</summary>
    public bool Accepts(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var presented = Encoding.UTF8.GetBytes(header[BearerPrefix.Length..].Trim());
        return CryptographicOperations.FixedTimeEquals(presented, _token);
    }
}
