using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Platform.Database;

/// <summary>One versioned SQL migration, embedded as <c>Migrations/0001_name.sql</c>.</summary>
public sealed partial record MigrationScript(int Version, string Name, string Sql, string Checksum)
{
    /// <summary>The migrations embedded in an assembly, ordered by version; duplicate versions are an error.</summary>
    public static IReadOnlyList<MigrationScript> LoadAll(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var scripts = new List<MigrationScript>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var match = ResourceName().Match(resource);
            if (!match.Success)
            {
                continue;
            }
            using var stream = assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"Embedded migration '{resource}' cannot be read.");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            scripts.Add(Create(int.Parse(match.Groups["version"].Value, System.Globalization.CultureInfo.InvariantCulture), match.Groups["name"].Value, reader.ReadToEnd()));
        }
        var duplicate = scripts.GroupBy(script => script.Version).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException(
                $"Migration version {duplicate.Key:D4} is used by more than one script in {assembly.GetName().Name}: {string.Join(", ", duplicate.Select(script => script.Name))}.");
        }
        return [.. scripts.OrderBy(script => script.Version)];
    }

    /// <summary>A script with its checksum: SHA-256 of the text with line endings normalised, so checkouts on any OS agree.</summary>
    public static MigrationScript Create(int version, string name, string sql)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(version);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(sql);
        var normalized = sql.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\uFEFF');
        var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
        return new MigrationScript(version, name, normalized, checksum);
    }

    [GeneratedRegex(@"(?:^|[./\\])Migrations[./\\](?<version>\d{1,9})_(?<name>[A-Za-z0-9_\-]+)\.sql$")]
    private static partial Regex ResourceName();
}
