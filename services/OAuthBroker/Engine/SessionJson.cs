using System.Text.Json;
using Platform.OAuth;

namespace Platform.OAuthBroker.Engine;

/// <summary>
/// A prepared session as brokerdb keeps it between the start of an authorization and its callback: everything
/// discovery found and the client id, with every client secret taken out (<see cref="ClientSecretSource"/> puts it back).
/// </summary>
public static class SessionJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Serialize(OAuthSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var withoutSecrets = session with
        {
            Client = session.Client with { ClientSecret = null },
            Settings = session.Settings with { PreRegistered = session.Settings.PreRegistered is { } pre ? pre with { ClientSecret = null } : null },
        };
        return JsonSerializer.Serialize(withoutSecrets, Options);
    }

    public static OAuthSession Deserialize(string json) =>
        JsonSerializer.Deserialize<OAuthSession>(json, Options) ?? throw new JsonException("A pending authorization holds no session.");
}
