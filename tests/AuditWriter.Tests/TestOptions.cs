using Microsoft.Extensions.Options;

namespace Platform.AuditWriter.Tests;

/// <summary>Options monitors that always answer the given value.</summary>
internal sealed class TestOptions<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
