namespace Platform.IntegrationRegistry.Model;

/// <summary>A new admin key; <c>key</c> is shown in this answer only.</summary>
public sealed record IssuedAdminKey(Guid Id, string Key, DateTimeOffset? ExpiresAt)
{
    public override string ToString() => $"IssuedAdminKey {{ Id = {Id} }}";
}
