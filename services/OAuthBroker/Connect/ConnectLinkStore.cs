using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.OAuthBroker.Engine;

namespace Platform.OAuthBroker.Connect;

/// <summary>
/// <c>broker.connect_links</c>: links made for one identity and install, kept by the SHA-256 of their token, used
/// once (the first visit that starts the flow marks the row in the same statement that checks it) and refused after
/// <see cref="OAuthBrokerOptions.ConnectLinkLifetime"/>.
/// </summary>
public sealed class ConnectLinkStore(NpgsqlDataSource dataSource, IOptions<OAuthBrokerOptions> options, TimeProvider time)
{
    /// <summary>The path under the public base that a link opens; the token follows it.</summary>
    public const string PathPrefix = "connect/";

    /// <summary>
    /// Unused links one person may hold for one install at a time: an agent that keeps calling a tool its person has
    /// not connected gets a new link each time, and making one more drops the oldest beyond this many.
    /// </summary>
    public const int OpenLinksPerPerson = 10;

    public async Task<CreatedConnectLink> CreateAsync(AuthorizationBinding binding, string? scope, string createdBy, Uri publicBase, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(binding);
        ArgumentNullException.ThrowIfNull(publicBase);
        // Links that lapsed a day ago go as new ones are made (like pending authorizations), so the table stays small.
        await DeleteLapsedAsync(ct);
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow();
        var expiresAt = now + options.Value.ConnectLinkLifetime;
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO broker.connect_links (token_sha256, tenant_id, install_id, identity_id, scope, created_by, created_at, expires_at)
            VALUES (@hash, @tenant, @install, @identity, @scope, @by, @created, @expires)
            """);
        command.Parameters.AddWithValue("hash", Hash(token));
        command.Parameters.AddWithValue("tenant", binding.TenantId);
        command.Parameters.AddWithValue("install", binding.InstallId);
        command.Parameters.AddWithValue("identity", binding.IdentityId);
        command.Parameters.AddWithValue("scope", (object?)scope ?? DBNull.Value);
        command.Parameters.AddWithValue("by", createdBy);
        command.Parameters.AddWithValue("created", now);
        command.Parameters.AddWithValue("expires", expiresAt);
        await command.ExecuteNonQueryAsync(ct);
        await DropOldestOpenAsync(binding, ct);
        return new CreatedConnectLink(new Uri(publicBase, PathPrefix + token), expiresAt);
    }

    private async Task DropOldestOpenAsync(AuthorizationBinding binding, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            """
            DELETE FROM broker.connect_links WHERE token_sha256 IN (
                SELECT token_sha256 FROM broker.connect_links
                WHERE tenant_id = @tenant AND install_id = @install AND identity_id = @identity AND used_at IS NULL
                ORDER BY created_at DESC OFFSET @keep)
            """);
        command.Parameters.AddWithValue("tenant", binding.TenantId);
        command.Parameters.AddWithValue("install", binding.InstallId);
        command.Parameters.AddWithValue("identity", binding.IdentityId);
        command.Parameters.AddWithValue("keep", OpenLinksPerPerson);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The link behind a token, used or not (null when unknown); for the page a visit shows first.</summary>
    public async Task<ConnectLink?> FindAsync(string token, CancellationToken ct)
    {
        if (!IsWellFormed(token))
        {
            return null;
        }
        await using var command = dataSource.CreateCommand(
            "SELECT tenant_id, install_id, identity_id, scope, expires_at, used_at FROM broker.connect_links WHERE token_sha256 = @hash");
        command.Parameters.AddWithValue("hash", Hash(token));
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }
        return new ConnectLink(
            new AuthorizationBinding(reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2)),
            reader.IsDBNull(3) ? null : reader.GetString(3),
            reader.GetFieldValue<DateTimeOffset>(4),
            reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5));
    }

    /// <summary>Marks the link used if it is usable now; otherwise says why not. One caller wins a race for it.</summary>
    public async Task<(ConnectLinkState State, ConnectLink? Link)> UseAsync(string token, CancellationToken ct)
    {
        if (!IsWellFormed(token))
        {
            return (ConnectLinkState.Unknown, null);
        }
        await using (var command = dataSource.CreateCommand(
            """
            UPDATE broker.connect_links SET used_at = @now
            WHERE token_sha256 = @hash AND used_at IS NULL AND expires_at > @now
            RETURNING tenant_id, install_id, identity_id, scope, expires_at
            """))
        {
            command.Parameters.AddWithValue("hash", Hash(token));
            command.Parameters.AddWithValue("now", time.GetUtcNow());
            await using var reader = await command.ExecuteReaderAsync(ct);
            if (await reader.ReadAsync(ct))
            {
                return (ConnectLinkState.Usable, new ConnectLink(
                    new AuthorizationBinding(reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2)),
                    reader.IsDBNull(3) ? null : reader.GetString(3),
                    reader.GetFieldValue<DateTimeOffset>(4),
                    UsedAt: null));
            }
        }
        var link = await FindAsync(token, ct);
        return (StateOf(link), link);
    }

    /// <summary>
    /// Ties the flow a used link started to the browser that used it: the state's digest (so the callback finds the
    /// link) and the digest of the value the browser holds in a cookie.
    /// </summary>
    public async Task BindBrowserAsync(string token, string state, string browserValue, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE broker.connect_links SET state_sha256 = @state, browser_sha256 = @browser WHERE token_sha256 = @hash");
        command.Parameters.AddWithValue("hash", Hash(token));
        command.Parameters.AddWithValue("state", Hash(state));
        command.Parameters.AddWithValue("browser", Hash(browserValue));
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Whether the callback's browser is the one that used the link which started this state's flow (true when no
    /// link started it: a flow started through the internal API has no browser to check).
    /// </summary>
    public async Task<bool> IsSameBrowserAsync(string state, string? browserValue, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT browser_sha256 FROM broker.connect_links WHERE state_sha256 = @state");
        command.Parameters.AddWithValue("state", Hash(state));
        var expected = await command.ExecuteScalarAsync(ct) as byte[];
        return expected is null
            || (browserValue is { Length: > 0 } && CryptographicOperations.FixedTimeEquals(expected, Hash(browserValue)));
    }

    /// <summary>The flow is complete: its state no longer leads to the link (a replayed callback is then simply unknown).</summary>
    public async Task ForgetStateAsync(string state, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("UPDATE broker.connect_links SET state_sha256 = NULL WHERE state_sha256 = @state");
        command.Parameters.AddWithValue("state", Hash(state));
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>A fresh random value for a browser's cookie.</summary>
    public static string NewBrowserValue() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public ConnectLinkState StateOf(ConnectLink? link) =>
        link is null ? ConnectLinkState.Unknown
        : link.UsedAt is not null ? ConnectLinkState.Used
        : link.ExpiresAt <= time.GetUtcNow() ? ConnectLinkState.Expired
        : ConnectLinkState.Usable;

    /// <summary>Deletes links that lapsed a day ago or more (kept that long so a late visit can still be told why).</summary>
    private async Task<int> DeleteLapsedAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM broker.connect_links WHERE expires_at < @before");
        command.Parameters.AddWithValue("before", time.GetUtcNow() - TimeSpan.FromDays(1));
        return await command.ExecuteNonQueryAsync(ct);
    }

    private static bool IsWellFormed(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
