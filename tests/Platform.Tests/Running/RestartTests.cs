using System.Net.Http.Json;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Running;

[Collection(PlatformCollection.Name)]
public sealed class RestartTests(DistributedApplicationFixture platform)
{
    [Fact]
    public async Task A_killed_service_is_restarted_and_healthy_again()
    {
        await platform.WaitForResourceHealthyAsync("webhook-ingress", TimeSpan.FromSeconds(30));
        var before = await platform.App.GetResourceAsync("webhook-ingress");
        Assert.NotNull(before.Pid);
        var victim = ProcessTable.TryRead(before.Pid.Value);
        Assert.NotNull(victim);

        UnixSignal.Send(before.Pid.Value, UnixSignal.SigKill);

        ResourceInfo after = before;
        await Eventually.UntilAsync(
            async () =>
            {
                after = await platform.App.GetResourceAsync("webhook-ingress");
                return after.RestartCount > before.RestartCount && after.Pid is not null && after.Pid != before.Pid && after.IsRunningAndHealthy;
            },
            TimeSpan.FromSeconds(60),
            () => $"webhook-ingress restarted (was {before}); now {after}");

        Assert.Equal(before.RestartCount + 1, after.RestartCount);
        Assert.False(ProcessTable.IsAlive(victim), $"the killed process {victim} is still alive");
        using var gateway = platform.CreateHttpClient("gateway");
        await Eventually.UntilAsync(
            async () => (await gateway.GetFromJsonAsync<ServiceAbout>("/webhooks/about"))?.Service == "webhook-ingress",
            TimeSpan.FromSeconds(30),
            () => "the gateway reaches the restarted webhook-ingress on its old address");
    }
}
