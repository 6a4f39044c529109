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

        Assert.Equal(id.ToString("D"), QueryValues.Identifier(id.ToString("N").ToUpperInvariant(), "agent", "agentSlug", new QueryErrors()));
    }

    [Fact]
    public void A_name_where_an_id_belongs_is_an_error_pointing_to_the_filter_by_name()
    {
        var errors = new QueryErrors();

        Assert.Null(QueryValues.Identifier("agent-7", "agent", "agentSlug", errors));
        Assert.Contains("agentSlug", errors.ToDictionary()["agent"].Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("success", "success")]
    [InlineData(" Tool-Error ", "tool-error")]
    [InlineData("cancelled", "cancelled")]
    [InlineData("error", null)]
    [InlineData("bogus", null)]
    public void Outcomes_are_the_published_ones(string text, string? expected)
    {
        var errors = new QueryErrors();

        Assert.Equal(expected, QueryValues.Outcome(text, "outcome", errors));
        Assert.Equal(expected is null, errors.Any);
    }

    [Theory]
    [InlineData("Deploy-Bot", "deploy-bot")]
    [InlineData("agent.helper", null)]
    [InlineData("no spaces", null)]
    public void Agent_slugs_follow_the_registry_rule(string text, string? expected)
    {
        var errors = new QueryErrors();

        Assert.Equal(expected, QueryValues.AgentSlug(text, "agentSlug", errors));
        Assert.Equal(expected is null, errors.Any);
    }

    [Theory]
    [InlineData("github", "github")]
    [InlineData("agent.helper", "agent.helper")]
    [InlineData("git_hub", null)]
    [InlineData("platform.x", null)]
    public void Install_slugs_are_slugs_or_agent_namespaces(string text, string? expected)
    {
        var errors = new QueryErrors();

        Assert.Equal(expected, QueryValues.InstallSlug(text, "installSlug", errors));
        Assert.Equal(expected is null, errors.Any);
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
