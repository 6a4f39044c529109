using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;

namespace Platform.SecretsVault.Client;

/// <summary>
/// The secrets vault's internal API, called with this service's credential (added by ServiceDefaults).
/// Every secret has a purpose (<see cref="SecretPurposes"/>), fixed at create; the vault lets each service write and
/// resolve only its own purposes. Resolves throw <see cref="SecretUnavailableException"/>; creates and updates the vault refuses throw
/// <see cref="SecretRejectedException"/>; anything else (401/403, 5xx) throws <see cref="HttpRequestException"/>
/// with the status code only. No message ever contains material.
/// </summary>
public sealed class VaultClient(HttpClient http)
{
    /// <summary>The logical base address; service discovery maps it to the vault.</summary>
    public static readonly Uri BaseAddress = new("https+http://secrets-vault");

    public Task<SecretHandle> CreateEncryptedAsync(Guid tenantId, string purpose, string value, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        return CreateAsync(new CreateSecretRequest(tenantId, SecretKinds.Encrypted, purpose, Value: value), ct);
    }

    public Task<SecretHandle> CreateEnvReferenceAsync(Guid tenantId, string purpose, string variableName, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(variableName);
        return CreateAsync(new CreateSecretRequest(tenantId, SecretKinds.Env, purpose, VariableName: variableName), ct);
    }

    public Task<SecretHandle> CreateCloudReferenceAsync(Guid tenantId, string purpose, Uri secretIdentifier, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(secretIdentifier);
        return CreateAsync(new CreateSecretRequest(tenantId, SecretKinds.Cloud, purpose, SecretIdentifier: secretIdentifier.ToString()), ct);
    }

    /// <summary>Writes a new version of an encrypted secret; the previous version's key material is destroyed.</summary>
    public async Task<SecretHandle> UpdateAsync(Guid tenantId, Guid secretId, string value, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        using var response = await http.PostAsJsonAsync(
            $"/internal/tenants/{tenantId}/secrets/{secretId}/versions", new UpdateSecretRequest(value), ct);
        await ThrowIfUnavailableAsync(response, secretId);
        return await ReadHandleAsync(response, ct);
    }

    /// <summary>The current version's material. Every call leaves a record in the vault's access log.</summary>
    public async Task<string> ResolveAsync(Guid tenantId, Guid secretId, CancellationToken ct)
    {
        using var response = await http.GetAsync($"/internal/tenants/{tenantId}/secrets/{secretId}/value", ct);
        await ThrowIfUnavailableAsync(response, secretId);
        response.EnsureSuccessStatusCode();
        var resolved = await response.Content.ReadFromJsonAsync<ResolvedSecret>(ct)
            ?? throw new SecretUnavailableException(secretId, SecretUnavailableReason.SourceUnavailable);
        return resolved.Value;
    }

    /// <summary>Kind, current version and status of a secret (never material), or null if this tenant has no such secret.</summary>
    public async Task<SecretMetadata?> GetMetadataAsync(Guid tenantId, Guid secretId, CancellationToken ct)
    {
        using var response = await http.GetAsync($"/internal/tenants/{tenantId}/secrets/{secretId}", ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<SecretMetadata>(ct);
    }

    /// <summary>Revokes the secret and destroys its key material; revoking twice is harmless.</summary>
    public async Task RevokeAsync(Guid tenantId, Guid secretId, CancellationToken ct)
    {
        using var response = await http.DeleteAsync($"/internal/tenants/{tenantId}/secrets/{secretId}", ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new SecretUnavailableException(secretId, SecretUnavailableReason.NotFound);
        }
        response.EnsureSuccessStatusCode();
    }

    private async Task<SecretHandle> CreateAsync(CreateSecretRequest request, CancellationToken ct)
    {
        if (!SecretPurposes.All.Contains(request.Purpose, StringComparer.Ordinal))
        {
            throw new ArgumentException($"The purpose is one of: {string.Join(", ", SecretPurposes.All)}.", nameof(request));
        }
        using var response = await http.PostAsJsonAsync("/internal/secrets", request, ct);
        return await ReadHandleAsync(response, ct);
    }

    private static async Task<SecretHandle> ReadHandleAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Conflict)
        {
            throw await RejectedAsync(response, ct);
        }
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<SecretHandle>(ct)
            ?? throw new HttpRequestException("The vault answered without a secret handle.", null, response.StatusCode);
    }

    private static Task ThrowIfUnavailableAsync(HttpResponseMessage response, Guid secretId) => response.StatusCode switch
    {
        HttpStatusCode.NotFound => throw new SecretUnavailableException(secretId, SecretUnavailableReason.NotFound),
        HttpStatusCode.Gone => throw new SecretUnavailableException(secretId, SecretUnavailableReason.Revoked),
        HttpStatusCode.BadGateway => throw new SecretUnavailableException(secretId, SecretUnavailableReason.SourceUnavailable),
        HttpStatusCode.Forbidden => throw new SecretUnavailableException(secretId, SecretUnavailableReason.Refused),
        _ => Task.CompletedTask,
    };

    private static async Task<SecretRejectedException> RejectedAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var problem = await ReadProblemAsync(response, ct);
        var message = problem?.Detail ?? problem?.Title ?? $"The vault refused the request ({(int)response.StatusCode}).";
        return new SecretRejectedException((int)response.StatusCode, message, problem?.Errors.ToDictionary() ?? []);
    }

    private static async Task<HttpValidationProblemDetails?> ReadProblemAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>(ct);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
