using System.Text.RegularExpressions;
using Npgsql;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Audit;

/// <summary>
/// The query APIs' filters by name (<c>agentSlug</c>, <c>identityName</c>, <c>installSlug</c>) are served by indexes of
/// their own, in page order: the plan of each list query, in the shape ToolCallQueries and ModelCallQueries send it,
/// reads every partition through the index on the tenant and that name, with no sort. Sequential scans are ruled out
/// first: the test database is too small for the planner to prefer any index otherwise, and the question is which
/// index the query has, not whether this little data needs one.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed partial class CallerNameIndexTests(DistributedApplicationFixture platform)
{
    [Theory]
    [InlineData("audit.tool_calls", "agent_slug")]
    [InlineData("audit.tool_calls", "identity_name")]
    [InlineData("audit.tool_calls", "install_slug")]
    [InlineData("usage.model_calls", "agent_slug")]
    [InlineData("usage.model_calls", "identity_name")]
    public async Task Each_filter_by_name_is_served_by_its_index_in_page_order(string table, string column)
    {
        var connection = new NpgsqlConnectionStringBuilder(platform.GetConnectionString("auditdb")) { Options = "-c enable_seqscan=off" };
        var plan = await new AuditDatabase(connection.ConnectionString).StringsAsync(
            $"EXPLAIN SELECT id FROM {table} WHERE tenant_id = $1 AND {column} = $2 ORDER BY occurred_at DESC, id DESC LIMIT $3",
            Guid.NewGuid().ToString(), "someone", 51);
        var scans = plan.Where(line => line.Contains(" Scan ", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(scans);
        var indexName = $"_tenant_id_{column}_occurred_at_id_idx ";
        Assert.All(scans, scan => Assert.True(scan.Contains(indexName, StringComparison.Ordinal), $"not through the {column} index: {scan}"));
        Assert.DoesNotContain(plan, line => SortNode().IsMatch(line));
    }

    /// <summary>A Sort node of a text plan (Merge Append's "Sort Key" is not one).</summary>
    [GeneratedRegex(@"^\s*(->\s+)?Sort\s+\(")]
    private static partial Regex SortNode();
}
