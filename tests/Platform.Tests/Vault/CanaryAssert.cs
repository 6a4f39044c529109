using Platform.Tests.Infrastructure;

namespace Platform.Tests.Vault;

/// <summary>Fails when a text holds the canary, showing the text with the canary masked (it stays out of the test output too).</summary>
public static class CanaryAssert
{
    public static void Absent(string? text, string where)
    {
        if (text is not null && text.Contains(VaultCanary.Value, StringComparison.Ordinal))
        {
            Assert.Fail($"The canary secret leaked into {where}: {SecretRedactor.Redact(text, [VaultCanary.Value])}");
        }
    }

    public static void Absent(IEnumerable<string> texts, string where)
    {
        var index = 0;
        foreach (var text in texts)
        {
            Absent(text, $"{where} (item {index++})");
        }
    }
}
