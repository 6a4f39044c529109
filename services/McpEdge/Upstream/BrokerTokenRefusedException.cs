namespace Platform.McpEdge.Upstream;

/// <summary>The authorization server refused to renew the credential's grant; it is marked <c>needs-reauth</c>.</summary>
public sealed class BrokerTokenRefusedException : Exception
{
    public BrokerTokenRefusedException()
        : base("The authorization server refused to renew the grant.")
    {
    }

    public BrokerTokenRefusedException(string message)
        : base(message)
    {
    }

    public BrokerTokenRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
