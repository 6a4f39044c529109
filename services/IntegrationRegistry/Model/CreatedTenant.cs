namespace Platform.IntegrationRegistry.Model;

/// <summary>The new tenant and its first admin key, whose value is shown only here.</summary>
public sealed record CreatedTenant(Tenant Tenant, IssuedAdminKey AdminKey);
