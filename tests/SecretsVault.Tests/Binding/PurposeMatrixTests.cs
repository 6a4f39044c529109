using Platform.SecretsVault.Binding;
using Platform.SecretsVault.Client;
using Platform.ServiceDefaults;

namespace Platform.SecretsVault.Tests.Binding;

/// <summary>Every service against every purpose: exactly the cells of the matrix are allowed.</summary>
public sealed class PurposeMatrixTests
{
    private static readonly string[] Services =
        [ServiceNames.McpEdge, ServiceNames.OAuthBroker, ServiceNames.IntegrationRegistry, ServiceNames.WebhookIngress, ServiceNames.AuditWriter, ServiceNames.Gateway];

    private static readonly HashSet<(string, string)> Resolvable =
    [
        (ServiceNames.McpEdge, SecretPurposes.UpstreamCredential),
        (ServiceNames.McpEdge, SecretPurposes.OAuthToken),
        (ServiceNames.OAuthBroker, SecretPurposes.OAuthClientSecret),
        (ServiceNames.OAuthBroker, SecretPurposes.OAuthToken),
        (ServiceNames.OAuthBroker, SecretPurposes.OAuthRefreshToken),
        (ServiceNames.WebhookIngress, SecretPurposes.WebhookSigningSecret),
    ];

    private static readonly HashSet<(string, string)> Writable =
    [
        (ServiceNames.IntegrationRegistry, SecretPurposes.UpstreamCredential),
        (ServiceNames.IntegrationRegistry, SecretPurposes.OAuthClientSecret),
        (ServiceNames.OAuthBroker, SecretPurposes.OAuthClientSecret),
        (ServiceNames.OAuthBroker, SecretPurposes.OAuthToken),
        (ServiceNames.OAuthBroker, SecretPurposes.OAuthRefreshToken),
        (ServiceNames.WebhookIngress, SecretPurposes.WebhookSigningSecret),
    ];

    public static TheoryData<string, string> Cells()
    {
        var cells = new TheoryData<string, string>();
        foreach (var service in Services)
        {
            foreach (var purpose in SecretPurposes.All)
            {
                cells.Add(service, purpose);
            }
        }
        return cells;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void Resolve_is_allowed_exactly_in_the_matrix(string service, string purpose)
    {
        Assert.Equal(Resolvable.Contains((service, purpose)), PurposeMatrix.MayResolve(service, purpose));
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void Create_and_update_are_allowed_exactly_in_the_matrix(string service, string purpose)
    {
        Assert.Equal(Writable.Contains((service, purpose)), PurposeMatrix.MayWrite(service, purpose));
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void Revoke_is_for_writers_and_for_the_registry_on_oauth_tokens(string service, string purpose)
    {
        var expected = Writable.Contains((service, purpose))
            || (service == ServiceNames.IntegrationRegistry && purpose is SecretPurposes.OAuthToken or SecretPurposes.OAuthRefreshToken);

        Assert.Equal(expected, PurposeMatrix.MayRevoke(service, purpose));
    }

    [Fact]
    public void An_unknown_purpose_is_nobodys_business()
    {
        Assert.All(Services, service => Assert.False(PurposeMatrix.MayResolve(service, "api-key")));
    }
}
