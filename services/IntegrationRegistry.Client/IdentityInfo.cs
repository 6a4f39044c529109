namespace Platform.IntegrationRegistry.Client;

/// <summary>An identity (a person) of a tenant as other services see it.</summary>
public sealed record IdentityInfo(Guid Id, string Name, string? Email)
{
    /// <summary>The longest id, name or e-mail a lookup takes.</summary>
    public const int MaxReferenceLength = 320;
}
