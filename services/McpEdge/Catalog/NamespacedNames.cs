using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Platform.McpEdge.Catalog;

/// <summary>
/// How upstream names become the edge's names: tools and prompts <c>{namespace}__{name}</c>, resource URIs
/// <c>{namespace}+{uri}</c>. A namespace never contains <c>_</c> or <c>+</c>, so the first separator always
/// splits correctly, and names of different namespaces can never collide.
/// </summary>
public static partial class NamespacedNames
{
    public const string ToolSeparator = "__";
    public const char UriSeparator = '+';
    public const int MaxToolNameLength = 128;

    private const int HashLength = 8;

    /// <summary>A namespace: letters, digits, '.', '-', starting with a letter or digit, at most 64 characters.</summary>
    public static bool IsValidNamespace(string value) => value.Length <= 64 && NamespacePattern().IsMatch(value);

    public static bool IsValidToolName(string value) => value.Length is > 0 and <= MaxToolNameLength && ToolNamePattern().IsMatch(value);

    /// <summary>
    /// <c>{namespace}__{name}</c> when that is a valid tool name; otherwise the name's invalid characters become
    /// '_', it is shortened to fit, and a hash of the original keeps distinct names distinct.
    /// </summary>
    public static string ToolName(string ns, string upstreamName)
    {
        ArgumentException.ThrowIfNullOrEmpty(ns);
        ArgumentNullException.ThrowIfNull(upstreamName);
        var candidate = ns + ToolSeparator + upstreamName;
        if (upstreamName.Length > 0 && IsValidToolName(candidate))
        {
            return candidate;
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(upstreamName)))[..HashLength];
        var room = MaxToolNameLength - ns.Length - ToolSeparator.Length - HashLength - 1;
        var sanitized = InvalidToolCharacters().Replace(upstreamName, "_");
        if (sanitized.Length > room)
        {
            sanitized = sanitized[..Math.Max(room, 0)];
        }
        return $"{ns}{ToolSeparator}{sanitized}-{hash}";
    }

    /// <summary>The namespace part of a tool or prompt name, or null when it has none.</summary>
    public static string? NamespaceOfName(string name)
    {
        var separator = name.IndexOf(ToolSeparator, StringComparison.Ordinal);
        return separator > 0 ? name[..separator] : null;
    }

    public static string Uri(string ns, string upstreamUri) => ns + UriSeparator + upstreamUri;

    /// <summary>Splits <c>{namespace}+{uri}</c>; false when the value is not one of the edge's URIs.</summary>
    public static bool TrySplitUri(string value, out string ns, out string upstreamUri)
    {
        var separator = value.IndexOf(UriSeparator, StringComparison.Ordinal);
        if (separator > 0 && IsValidNamespace(value[..separator]) && separator < value.Length - 1)
        {
            ns = value[..separator];
            upstreamUri = value[(separator + 1)..];
            return true;
        }
        ns = "";
        upstreamUri = "";
        return false;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9.-]*$")]
    private static partial Regex NamespacePattern();

    [GeneratedRegex("^[A-Za-z0-9_.-]+$")]
    private static partial Regex ToolNamePattern();

    [GeneratedRegex("[^A-Za-z0-9_.-]")]
    private static partial Regex InvalidToolCharacters();
}
