using System.Security.Cryptography;
using System.Text.Json;

namespace Platform.AppHost;

/// <summary>
/// Generated secret values, kept in <c>parameters.json</c> (mode 0600) in the data folder so that a restart on the
/// same folder finds its servers' data and the keys that data was made with (Aspire would keep them in user secrets,
/// one set per project; the platform keeps one set per data folder).
/// </summary>
internal sealed class ParameterStore(string dataDirectory)
{
    public const string FileName = "parameters.json";

    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private readonly string _path = Path.Combine(dataDirectory, FileName);
    private Dictionary<string, string>? _values;

    public string GetOrGenerate(string name, int length)
    {
        _values ??= Load();
        if (!_values.TryGetValue(name, out var value))
        {
            value = RandomNumberGenerator.GetString(Alphabet, length);
            _values[name] = value;
            DataFiles.WriteSecretFile(_path, JsonSerializer.Serialize(_values, DataFiles.JsonOptions));
        }
        return value;
    }

    private Dictionary<string, string> Load() =>
        File.Exists(_path)
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(_path)) ?? []
            : [];
}
