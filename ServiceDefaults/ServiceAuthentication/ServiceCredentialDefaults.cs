namespace Platform.ServiceDefaults.ServiceAuthentication;

public static class ServiceCredentialDefaults
{
    /// <summary>The authentication scheme, and the word in <c>Authorization: Service &lt;key&gt;</c>.</summary>
    public const string Scheme = "Service";

    /// <summary>Claim holding the calling service's name.</summary>
    public const string ServiceClaim = "platform:service";
}
