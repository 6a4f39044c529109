using System.Diagnostics.CodeAnalysis;

namespace Platform.OAuthBroker.Engine;

/// <summary>What an authorization was started for: the person (identity) connecting one install of one tenant.</summary>
public sealed record AuthorizationBinding(Guid TenantId, Guid InstallId, Guid IdentityId)
{
    public override string ToString() => $"{TenantId:N}/{InstallId:N}/{IdentityId:N}";

    public static bool TryParse(string? text, [NotNullWhen(true)] out AuthorizationBinding? binding)
    {
        binding = null;
        var parts = text?.Split('/');
        if (parts is not { Length: 3 }
            || !Guid.TryParseExact(parts[0], "N", out var tenant)
            || !Guid.TryParseExact(parts[1], "N", out var install)
            || !Guid.TryParseExact(parts[2], "N", out var identity))
        {
            return false;
        }
        binding = new AuthorizationBinding(tenant, install, identity);
        return true;
    }
}
