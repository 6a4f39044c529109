using Platform.AuditWriter.Queries;

namespace Platform.AuditWriter.Tests;

public sealed class QueryValuesTests
{
    [Theory]
    [InlineData("2026-11-20T10:00:00Z", "2026-11-20T10:00:00.0000000Z")]
    [InlineData("2026-11-20T12:00:00+02:00", "2026-11-20T10:00:00.0000000Z")]
    [InlineData("2026-11-20", "2026-11-20T00:00:00.0000000Z")]
    [InlineData("2026-11-20T10:00:00", "2026-11-20T10:00:00.0000000Z")]
    public void Instants_are_read_as_utc(string text, string expected)
    {
        var errors = new QueryErrors();

        Assert.Equal(expected, QueryValues.Instant(text, "from", errors)!.Value.ToString("O"));
        Assert.False(errors.Any);
    }

    [Fact]
    public void Each_bad_value_is_reported_under_its_field()
    {
        var errors = new QueryErrors();

        QueryValues.Instant("soon", "from", errors);
        QueryValues.Guid("nope", "install", errors);
        QueryValues.Limit("1000", errors);
        QueryValues.Outcome("a;b", "outcome", errors);
        QueryValues.Text(new string('x', 300), "tool", 256, errors);
        QueryValues.Range(DateTime.UtcNow, DateTime.UtcNow.AddDays(-1), errors);

        Assert.Equal(["from", "install", "limit", "outcome", "to", "tool"], errors.ToDictionary().Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Guid_identifiers_are_matched_in_one_spelling()
    {
        var id = Guid.NewGuid();

        Assert.Equal(id.ToString("D"), QueryValues.Identifier(id.ToString("N").ToUpperInvariant(), "agent", new QueryErrors()));
        Assert.Equal("agent-7", QueryValues.Identifier(" agent-7 ", "agent", new QueryErrors()));
    }

    [Theory]
    [InlineData(null, 50)]
    [InlineData("1", 1)]
    [InlineData("500", 500)]
    public void The_limit_defaults_to_fifty_and_stays_within_bounds(string? text, int expected)
    {
        Assert.Equal(expected, QueryValues.Limit(text, new QueryErrors()));
    }
}
