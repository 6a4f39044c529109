namespace Platform.Tests.Vault;

/// <summary>
/// Sets environment variables of the test process until disposed, for an AppHost started meanwhile to inherit
/// (tests run one at a time, so no other test starts a process in between).
/// </summary>
public sealed class TemporaryEnvironment : IDisposable
{
    private readonly Dictionary<string, string?> _previous = [];

    public TemporaryEnvironment(IReadOnlyDictionary<string, string> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        foreach (var (name, value) in variables)
        {
            _previous[name] = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    public void Dispose()
    {
        foreach (var (name, value) in _previous)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}
