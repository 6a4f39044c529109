using System.Net.Http.Json;
using System.Text;
using Platform.SecretsVault.Client;

namespace Platform.Tests.Vault;

/// <summary>
/// Puts the canary through everything the vault does, right and wrong: stores, resolves, updates and revokes it,
/// resolves it as the wrong caller, tenant or key, and sends it in every wrong field. Collects every response
/// body and client exception, which must not contain it (only successful resolves carry it, and are not kept).
/// </summary>
public static class CanaryWorkout
{
    private static readonly CancellationToken None = CancellationToken.None;

    public static async Task<IReadOnlyList<(string Where, string Text)>> RunAsync(VaultAccess vault)
    {
        var seen = new List<(string, string)>();
        var tenant = Guid.NewGuid();
        var registry = vault.Client("integration-registry");
        var edge = vault.Client("mcp-edge");

        var handle = await registry.CreateEncryptedAsync(tenant, SecretPurposes.UpstreamCredential, VaultCanary.Variant("workout"), None);
        Assert.Equal(VaultCanary.Variant("workout"), await edge.ResolveAsync(tenant, handle.SecretId, None));
        await registry.UpdateAsync(tenant, handle.SecretId, VaultCanary.Variant("workout-v2"), None);
        Assert.Equal(VaultCanary.Variant("workout-v2"), await edge.ResolveAsync(tenant, handle.SecretId, None));
        var canaryTenant = await vault.CanaryTenantAsync();
        var env = await registry.CreateEnvReferenceAsync(canaryTenant, SecretPurposes.UpstreamCredential, VaultCanary.EnvVariable, None);
        Assert.Equal(VaultCanary.EnvValue, await edge.ResolveAsync(canaryTenant, env.SecretId, None));
        seen.Add(await CaptureAsync("resolve by a service the purpose is not for", () => vault.Client("oauth-broker").ResolveAsync(tenant, handle.SecretId, None)));
        seen.Add(await CaptureAsync("env reference in another tenant", () => registry.CreateEnvReferenceAsync(tenant, SecretPurposes.UpstreamCredential, VaultCanary.EnvVariable, None)));

        seen.Add(await CaptureAsync("resolve as the registry", () => registry.ResolveAsync(tenant, handle.SecretId, None)));
        seen.Add(await CaptureAsync("resolve in another tenant", () => edge.ResolveAsync(Guid.NewGuid(), handle.SecretId, None)));
        using (var forged = vault.Http(null))
        {
            forged.DefaultRequestHeaders.Authorization = new("Service", VaultCanary.Variant("as-a-key"));
            seen.Add(await BodyAsync("resolve with the canary as service key", forged.GetAsync($"/internal/tenants/{tenant}/secrets/{handle.SecretId}/value")));
            forged.DefaultRequestHeaders.Authorization = new("Bearer", VaultCanary.Variant("as-operator-key"));
            seen.Add(await BodyAsync("rewrap with the canary as operator key", forged.PostAsync("/internal/keys/rewrap", null)));
        }

        using var writer = vault.Http("integration-registry");
        foreach (var (where, body) in MisplacedBodies(tenant))
        {
            seen.Add(await BodyAsync(where, writer.PostAsync("/internal/secrets", new StringContent(body, Encoding.UTF8, "application/json"))));
        }
        seen.Add(await BodyAsync("update with malformed JSON", writer.PostAsync(
            $"/internal/tenants/{tenant}/secrets/{handle.SecretId}/versions", new StringContent($"{{\"value\": {VaultCanary.Value}", Encoding.UTF8, "application/json"))));
        seen.Add(await BodyAsync("update of an env reference", writer.PostAsJsonAsync(
            $"/internal/tenants/{canaryTenant}/secrets/{env.SecretId}/versions", new UpdateSecretRequest(VaultCanary.Variant("env-update")))));
        seen.Add(await CaptureAsync("env reference to the canary as name", () => registry.CreateEnvReferenceAsync(canaryTenant, SecretPurposes.UpstreamCredential, VaultCanary.Value, None)));
        seen.Add(await CaptureAsync("cloud reference with the canary", () => registry.CreateCloudReferenceAsync(
            canaryTenant, SecretPurposes.UpstreamCredential, new Uri($"https://{VaultCanary.Value}.vault.azure.net/secrets/{VaultCanary.Value}"), None)));

        await registry.RevokeAsync(tenant, handle.SecretId, None);
        seen.Add(await CaptureAsync("resolve after revoke", () => edge.ResolveAsync(tenant, handle.SecretId, None)));
        seen.Add(await CaptureAsync("update after revoke", () => registry.UpdateAsync(tenant, handle.SecretId, VaultCanary.Variant("after-revoke"), None)));
        using (var operatorClient = vault.Operator())
        {
            seen.Add(await BodyAsync("rewrap", operatorClient.PostAsync("/internal/keys/rewrap", null), success: true));
        }
        return seen;
    }

    private static IEnumerable<(string Where, string Body)> MisplacedBodies(Guid tenant)
    {
        var canary = VaultCanary.Value;
        yield return ("canary as purpose", $$"""{"tenantId":"{{tenant}}","kind":"encrypted","purpose":"{{canary}}!","value":"{{canary}}"}""");
        yield return ("canary as kind", $$"""{"tenantId":"{{tenant}}","kind":"{{canary}}","purpose":"p","value":"{{canary}}"}""");
        yield return ("canary as tenant id", $$"""{"tenantId":"{{canary}}","kind":"encrypted","purpose":"p","value":"{{canary}}"}""");
        yield return ("canary as variable name", $$"""{"tenantId":"{{tenant}}","kind":"env","purpose":"p","variableName":"{{canary}}"}""");
        yield return ("canary as value of an env reference", $$"""{"tenantId":"{{tenant}}","kind":"env","purpose":"p","variableName":"PLATFORM_SECRET_X","value":"{{canary}}"}""");
        yield return ("canary as secret identifier", $$"""{"tenantId":"{{tenant}}","kind":"cloud","purpose":"p","secretIdentifier":"{{canary}}"}""");
        yield return ("canary too long", $$"""{"tenantId":"{{tenant}}","kind":"encrypted","purpose":"p","value":"{{string.Concat(Enumerable.Repeat(canary, 1000))}}"}""");
        yield return ("canary in malformed JSON", $$"""{"tenantId":"{{tenant}}","kind":"encrypted","purpose":"p","value":{{canary}}""");
        yield return ("canary in an object for a string", $$$"""{"tenantId":"{{{tenant}}}","kind":"encrypted","purpose":"p","value":{"nested":"{{{canary}}}"}}""");
    }

    private static async Task<(string, string)> BodyAsync(string where, Task<HttpResponseMessage> send, bool success = false)
    {
        using var response = await send;
        Assert.True(success ? response.IsSuccessStatusCode : (int)response.StatusCode is >= 400 and < 500, $"{where}: answered {(int)response.StatusCode}");
        return ($"the response body of: {where}", $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<(string, string)> CaptureAsync(string where, Func<Task> call)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(call);
        return ($"the client exception of: {where}", error.ToString());
    }
}
