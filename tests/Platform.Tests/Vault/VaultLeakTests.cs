using Platform.SecretsVault.Client;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Vault;

/// <summary>
/// The canary (used by every vault test of this run) never shows in the vault's console log, the AppHost's output,
/// a problem body or a client exception.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class VaultLeakTests(DistributedApplicationFixture fixture)
{
    [Fact]
    public async Task The_canary_appears_in_no_log_line_problem_body_or_exception()
    {
        var vault = new VaultAccess(fixture.App);
        var seen = await CanaryWorkout.RunAsync(vault);

        // The marker secret's "created" line comes after every line the workout caused.
        var marker = await vault.Client("integration-registry").CreateEncryptedAsync(Guid.NewGuid(), SecretPurposes.UpstreamCredential, "not-a-canary", CancellationToken.None);
        var lines = await ResourceLogs.ReadUntilAsync(fixture.App, VaultAccess.Resource, marker.SecretId.ToString(), TimeSpan.FromSeconds(30));

        Assert.All(seen, s => CanaryAssert.Absent(s.Text, s.Where));
        CanaryAssert.Absent(lines, "the secrets-vault console log");
        Assert.False(fixture.App.Output.Wrote(VaultCanary.Value), "The canary secret leaked into the AppHost's output.");
        Assert.Contains(lines, l => l.Contains("Created secret", StringComparison.Ordinal));
    }
}
