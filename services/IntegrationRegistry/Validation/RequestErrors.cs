using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Platform.IntegrationRegistry.Validation;

/// <summary>Collects field errors (JSON field names) for a validation problem; each rule records at most one message per field.</summary>
public sealed partial class RequestErrors
{
    public const int MaxNameLength = 200;
    public const int MaxTextLength = 2000;
    public const int MaxListLength = 500;

    /// <summary>The longest admin key, agent token or identity name.</summary>
    public const int MaxLabelLength = 100;

    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public bool HasErrors => _errors.Count > 0;

    public IDictionary<string, string[]> ToDictionary() => _errors;

    public void Add(string field, string message)
    {
        _errors.TryAdd(field, [message]);
    }

    public void Required(string field, string? value, int maxLength = MaxNameLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, $"The {field} field is required.");
        }
        else
        {
            MaxLength(field, value, maxLength);
        }
    }

    /// <summary>
    /// Admin key, agent token and identity names: printable Unicode (no control or format characters, no line or
    /// paragraph separators, no unpaired surrogates), at most <see cref="MaxLabelLength"/>. A printable text such as
    /// <c>${jndi:ldap://x}</c> is accepted: names are data, stored and shown, never interpreted by any component.
    /// </summary>
    public void PrintableName(string field, string? value, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required || value is { Length: > 0 })
            {
                Add(field, required ? $"The {field} field is required." : $"The {field} field must not be blank.");
            }
            return;
        }
        if (value.Length > MaxLabelLength || !IsPrintable(value))
        {
            Add(field, $"The {field} field must be 1 to {MaxLabelLength} printable characters (no control or format characters).");
        }
    }

    public void Required<T>(string field, T? value) where T : struct
    {
        if (value is null || value.Equals(default(T)))
        {
            Add(field, $"The {field} field is required.");
        }
    }

    public void MaxLength(string field, string? value, int maxLength = MaxTextLength)
    {
        if (value is not null && value.Length > maxLength)
        {
            Add(field, $"The {field} field must be at most {maxLength} characters.");
        }
    }

    /// <summary>Install, agent, space and tenant slugs: <c>[a-z0-9-]{1,40}</c>.</summary>
    public void Slug(string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            Add(field, $"The {field} field is required.");
        }
        else if (!SlugPattern().IsMatch(value))
        {
            Add(field, $"The {field} field must be 1 to 40 characters of a-z, 0-9 and '-'.");
        }
    }

    /// <summary>Absolute http or https URL with a host; nothing else (no relative paths, no file:, no javascript:).</summary>
    public void HttpUrl(string field, string? value, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Add(field, $"The {field} field is required.");
            }
            return;
        }
        if (value.Length > MaxTextLength
            || !Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host)
            || !string.IsNullOrEmpty(uri.UserInfo))
        {
            Add(field, $"The {field} field must be an absolute http or https URL without credentials.");
        }
    }

    /// <summary>
    /// A URL the platform will call: one naming a loopback, link-local or private address (or a name that can only
    /// be local, such as <c>localhost</c>) is refused unless the operator's outbound allow-list names it.
    /// </summary>
    public void CallableUrl(string field, string? value, Platform.Outbound.OutboundPolicy outbound)
    {
        ArgumentNullException.ThrowIfNull(outbound);
        if (_errors.ContainsKey(field) || string.IsNullOrWhiteSpace(value) || !Uri.TryCreate(value, UriKind.Absolute, out var uri))
        {
            return;
        }
        if (outbound.RefuseLiteral(uri) is { } reason)
        {
            Add(field, $"The {field} field is not allowed: {reason}");
        }
    }

    public void OneOf(string field, string? value, IReadOnlyCollection<string> allowed)
    {
        if (string.IsNullOrEmpty(value))
        {
            Add(field, $"The {field} field is required.");
        }
        else if (!allowed.Contains(value))
        {
            Add(field, $"The {field} field must be one of: {string.Join(", ", allowed)}.");
        }
    }

    public void InRange(string field, int? value, int min, int max)
    {
        if (value is { } number && (number < min || number > max))
        {
            Add(field, $"The {field} field must be between {min} and {max}.");
        }
    }

    public void InFuture(string field, DateTimeOffset? value, DateTimeOffset now)
    {
        if (value is { } time && time <= now)
        {
            Add(field, $"The {field} field must be in the future.");
        }
    }

    /// <summary>Tool names and scopes: non-empty, printable, no whitespace, bounded in count and length.</summary>
    public void Names(string field, IReadOnlyList<string>? values) =>
        EachEntry(field, values, value => value.Length <= MaxNameLength && !HasSpaceOrControl(value),
            $"Each entry of {field} must be 1 to {MaxNameLength} characters without spaces.");

    /// <summary>Resource list entries: a URI, or a prefix ending in one <c>*</c>; no spaces or control characters.</summary>
    public void UriPatterns(string field, IReadOnlyList<string>? values) =>
        EachEntry(field, values,
            value => value.Length <= MaxTextLength && !HasSpaceOrControl(value)
                && value.IndexOf('*', StringComparison.Ordinal) is var star && (star < 0 || star == value.Length - 1),
            $"Each entry of {field} must be a URI or a URI prefix ending in '*', 1 to {MaxTextLength} characters without spaces.");

    /// <summary>A bounded list whose entries are non-empty and pass <paramref name="isValid"/>; the first bad one is named.</summary>
    private void EachEntry(string field, IReadOnlyList<string>? values, Func<string, bool> isValid, string message)
    {
        if (values is null)
        {
            return;
        }
        if (values.Count > MaxListLength)
        {
            Add(field, $"The {field} field may hold at most {MaxListLength} entries.");
            return;
        }
        for (var i = 0; i < values.Count; i++)
        {
            if (string.IsNullOrEmpty(values[i]) || !isValid(values[i]))
            {
                Add($"{field}[{i}]", message);
                return;
            }
        }
    }

    private static bool HasSpaceOrControl(string value) => value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));

    [GeneratedRegex(@"^[a-z0-9-]{1,40}\z")]
    private static partial Regex SlugPattern();

    private static bool IsPrintable(string value)
    {
        var rest = value.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var consumed) != OperationStatus.Done)
            {
                return false;
            }
            if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.OtherNotAssigned)
            {
                return false;
            }
            rest = rest[consumed..];
        }
        return true;
    }
}
