using Platform.Tests.Infrastructure;

namespace Platform.Tests.Running;

[Collection(PlatformCollection.Name)]
public sealed class EventBusTests(DistributedApplicationFixture platform)
{
    [Fact]
    public async Task ServiceStarted_events_published_by_each_service_are_consumed_into_auditdb()
    {
        var rows = await AuditEvents.WaitForEveryPublisherAsync(
            platform.GetConnectionString("auditdb"), DateTimeOffset.MinValue, TimeSpan.FromSeconds(60));

        Assert.Contains(rows, r => r.Service == "integration-registry" && r.Instance == platform.InstanceId("integration-registry"));
        Assert.Contains(rows, r => r.Service == "mcp-edge" && r.Instance == platform.InstanceId("mcp-edge", 0));
        Assert.Contains(rows, r => r.Service == "mcp-edge" && r.Instance == platform.InstanceId("mcp-edge", 1));
        Assert.DoesNotContain(rows, r => r.Service == "gateway");
        Assert.Equal(rows.Count, rows.Select(r => r.Id).Distinct().Count());
    }
}
