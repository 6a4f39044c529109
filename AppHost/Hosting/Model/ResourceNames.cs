using System.Text.RegularExpressions;

namespace Platform.Hosting;

/// <summary>Resource names follow Aspire's rule: kebab-case ASCII, starting with a letter.</summary>
public static partial class ResourceNames
{
    public static string Validate(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!ValidName().IsMatch(name))
        {
            throw new ArgumentException($"Resource name '{name}' must be 1-64 characters of a-z, 0-9 and '-', starting with a letter.", nameof(name));
        }
        return name;
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,63}$")]
    private static partial Regex ValidName();
}
