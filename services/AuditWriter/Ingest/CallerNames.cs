using System.Text.RegularExpressions;

namespace Platform.AuditWriter.Ingest;

/// <summary>
/// The names a record keeps of who called and where the call went, as they were at the time of the call, and the
/// limits shared by storing them and filtering on them (the registry's own limits: slugs <c>[a-z0-9-]{1,40}</c>,
/// identity names 1–100 characters; a call to another agent goes to the namespace <c>agent.&lt;slug&gt;</c>).
/// </summary>
public static partial class CallerNames
{
    public const int MaxAgentSlugLength = 40;

    public const int MaxIdentityNameLength = 100;

    /// <summary>An install's slug, or <c>agent.</c> and an agent's slug.</summary>
    public const int MaxInstallSlugLength = 46;

    public static bool IsAgentSlug(string value) => AgentSlugPattern().IsMatch(value);

    public static bool IsInstallSlug(string value) => InstallSlugPattern().IsMatch(value);

    [GeneratedRegex("^[a-z0-9-]{1,40}$")]
    private static partial Regex AgentSlugPattern();

    [GeneratedRegex(@"^(agent\.)?[a-z0-9-]{1,40}$")]
    private static partial Regex InstallSlugPattern();
}
