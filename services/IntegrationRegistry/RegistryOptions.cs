namespace Platform.IntegrationRegistry;

/// <summary>Settings of section <c>Registry</c>.</summary>
public sealed class RegistryOptions
{
    public const string SectionName = "Registry";

    /// <summary>The platform operator's key (creates tenants); without it the operator API refuses every call.</summary>
    public string? OperatorKey { get; set; }
}
