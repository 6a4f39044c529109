using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace Platform.Tests.Vault;

/// <summary>
/// One random secret value for the whole test run. Every vault test stores, resolves and misplaces variants of
/// it (all contain <see cref="Value"/>), and the leak tests prove it shows up in no log, problem body, exception
/// or telemetry.
/// </summary>
public static class VaultCanary
{
    public static readonly string Value = "canary-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();

    /// <summary>The tenant whose own env-form variable holds the canary (<see cref="VaultAccess.CanaryTenantAsync"/> makes it in each platform).</summary>
    public static readonly string TenantSlug = "vault-canary-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant();

    /// <summary>An env-form variable of <see cref="TenantSlug"/>'s own (its prefix) that every platform started by this test run inherits.</summary>
    public static readonly string EnvVariable = $"PLATFORM_SECRET_{TenantSlug.ToUpperInvariant().Replace('-', '_')}__CANARY";

    public static string EnvValue => Value + "-env";

    /// <summary>A variant for one use (a version, a tenant), still containing <see cref="Value"/>.</summary>
    public static string Variant(string label) => $"{Value}-{label}";

    /// <summary>
    /// Runs when the test assembly loads, before any platform starts: the AppHost inherits the test run's
    /// environment and passes it on to the services, so the vault sees the variable.
    /// </summary>
#pragma warning disable CA2255 // The test assembly must set this before any fixture starts an AppHost.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void ExposeToPlatforms() => Environment.SetEnvironmentVariable(EnvVariable, EnvValue);
}
