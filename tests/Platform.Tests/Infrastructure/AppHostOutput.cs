namespace Platform.Tests.Infrastructure;

/// <summary>
/// What the AppHost and its resources logged, kept in memory so a failure can show it and a test can prove a secret
/// never appeared in it. Nothing is echoed while things go well.
/// </summary>
public sealed class AppHostOutput
{
    private const int RetainedLines = 50_000;
    private const int ShownLines = 200;

    private readonly Queue<string> _lines = new();
    private readonly Lock _gate = new();

    /// <summary>Secret values to mask in <see cref="Text"/> once they are known (e.g. from endpoints.json).</summary>
    public IReadOnlyCollection<string> KnownSecrets { get; set; } = [];

    /// <summary>The last lines, with credentials masked.</summary>
    public string Text
    {
        get
        {
            lock (_gate)
            {
                return SecretRedactor.Redact(string.Join(Environment.NewLine, _lines.Skip(Math.Max(0, _lines.Count - ShownLines))), KnownSecrets);
            }
        }
    }

    /// <summary>Whether any retained line contains <paramref name="text"/>; answers without showing the output.</summary>
    public bool Wrote(string text)
    {
        lock (_gate)
        {
            return _lines.Any(l => l.Contains(text, StringComparison.Ordinal));
        }
    }

    public void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_gate)
        {
            _lines.Enqueue(line);
            if (_lines.Count > RetainedLines)
            {
                _lines.Dequeue();
            }
        }
    }
}
