using System.Text.RegularExpressions;

namespace Platform.Tests.Infrastructure;

/// <summary>
/// A console log line as the service wrote it: Aspire's resource log prefixes each line with its timestamp, and the
/// console logger colours the level with ANSI escapes.
/// </summary>
public static partial class ConsoleText
{
    public static string Plain(string line) => Escapes().Replace(Timestamp().Replace(line, ""), "");

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z ")]
    private static partial Regex Timestamp();

    [GeneratedRegex(@"\x1B\[[0-9;]*m")]
    private static partial Regex Escapes();
}
