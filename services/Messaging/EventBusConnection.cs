namespace Platform.Messaging;

/// <summary>The parts of an <c>amqp://user:password@host:port/vhost</c> (or <c>amqps://</c>) connection string.</summary>
public sealed record EventBusConnection(string Host, ushort Port, string VirtualHost, string Username, string Password, bool UseTls)
{
    /// <summary>Parses the connection string; error messages never repeat it, as it holds a password.</summary>
    public static EventBusConnection Parse(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        if (!Uri.TryCreate(connectionString, UriKind.Absolute, out var uri) || (uri.Scheme != "amqp" && uri.Scheme != "amqps") || uri.Host.Length == 0)
        {
            throw new FormatException("The event bus connection string must look like amqp://user:password@host:port[/vhost].");
        }
        var useTls = uri.Scheme == "amqps";
        var port = uri.IsDefaultPort || uri.Port <= 0 ? (useTls ? 5671 : 5672) : uri.Port;
        var userInfo = uri.UserInfo.Split(':', 2);
        var username = userInfo[0].Length > 0 ? Uri.UnescapeDataString(userInfo[0]) : "guest";
        var password = userInfo.Length > 1 ? Uri.UnescapeDataString(userInfo[1]) : "guest";
        var path = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        return new EventBusConnection(uri.Host, checked((ushort)port), path.Length > 0 ? path : "/", username, password, useTls);
    }

    /// <summary>The password never appears in logs or exceptions.</summary>
    public override string ToString() => $"{(UseTls ? "amqps" : "amqp")}://{Username}:***@{Host}:{Port}/{VirtualHost.TrimStart('/')}";
}
