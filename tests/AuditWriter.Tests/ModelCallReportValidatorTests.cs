using Platform.AuditWriter.Apis;

namespace Platform.AuditWriter.Tests;

public sealed class ModelCallReportValidatorTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_complete_report_is_valid()
    {
        var errors = ModelCallReportValidator.Validate(new ModelCallReport("gpt-5", "openai", 10, 5, 2, 0.01m, 300, "r-1", Now.AddMinutes(-1)), Now);

        Assert.False(errors.Any);
    }

    [Fact]
    public void Every_bad_field_is_named()
    {
        var errors = ModelCallReportValidator.Validate(
            new ModelCallReport(null, new string('p', 101), -1, null, 5, -1m, -3, new string('r', 201), Now.AddDays(-8)), Now);

        Assert.Equal(
            ["cachedTokens", "cost", "inputTokens", "latencyMs", "model", "occurredAt", "outputTokens", "provider", "requestId"],
            errors.ToDictionary().Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_same_request_id_of_the_same_agent_gives_the_same_ledger_id()
    {
        Assert.Equal(ModelCallIds.For("t", "a", "req"), ModelCallIds.For("t", "a", " req "));
        Assert.NotEqual(ModelCallIds.For("t", "a", "req"), ModelCallIds.For("t", "b", "req"));
        Assert.NotEqual(ModelCallIds.For("t", "a", null), ModelCallIds.For("t", "a", null));
        Assert.Equal(8, ModelCallIds.For("t", "a", "req").Version);
    }
}
