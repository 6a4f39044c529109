using System.Security.Cryptography;
using System.Text.Json;

namespace Platform.Hosting;

/// <summary>
/// Generated parameter values (passwords), kept in <c>parameters.json</c> (mode 0600) in the data folder so that
/// a restart finds the servers' data and their passwords together, like Aspire's user secrets.
/// </summary>
internal sealed class ParameterStore(string dataDirectory)
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private readonly string _path = Path.Combine(dataDirectory, "parameters.json");
    private Dictionary<string, string>? _values;

    /// <summary>True when the folder already had values (the servers' data belongs to them).</summary>
    public bool Existed => File.Exists(_path);

    public string GetOrGenerate(ParameterResource parameter)
    {
        _values ??= Load();
        if (!_values.TryGetValue(parameter.Name, out var value))
        {
            value = RandomNumberGenerator.GetString(Alphabet, Math.Max(parameter.GeneratedLength, 22));
            _values[parameter.Name] = value;
            DataFiles.WriteSecretFile(_path, JsonSerializer.Serialize(_values, DataFiles.JsonOptions));
        }
        return value;
    }

    private Dictionary<string, string> Load() =>
        File.Exists(_path)
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(_path)) ?? []
            : [];
}
