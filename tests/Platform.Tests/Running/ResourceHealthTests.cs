using System.Net.Http.Json;
using System.Text.Json;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Running;

[Collection(PlatformCollection.Name)]
public sealed class ResourceHealthTests(DistributedApplicationFixture platform)
{
    [Fact]
    public async Task Every_resource_instance_is_running_and_healthy()
    {
        foreach (var resource in PlatformModel.Instances.Select(i => i.Resource).Distinct())
        {
            await platform.WaitForResourceHealthyAsync(resource, TimeSpan.FromSeconds(30));
        }

        var resources = await platform.GetResourcesAsync();
        Assert.Equal(
            PlatformModel.Instances.Select(i => $"{i.Instance} {i.Resource} {i.Type}").Order(),
            resources.Select(r => $"{r.Name} {r.Resource} {r.Type}").Order());
        Assert.All(resources, r => Assert.True(r.IsRunningAndHealthy, r.ToString()));
        Assert.All(resources.Where(r => r.Type is "project" or "postgres" or "rabbitmq"), r => Assert.True(r.Pid > 0, $"{r.Name} shows no PID"));
    }

    [Fact]
    public void Endpoints_file_lists_every_resource()
    {
        var endpoints = platform.App.Endpoints;

        Assert.Equal(
            PlatformModel.Instances.Select(i => i.Resource).Distinct().Order(),
            endpoints.Resources.Keys.Order());
        Assert.Equal(2, endpoints["mcp-edge"].Urls.Count);
        Assert.All(PlatformModel.Projects, p => Assert.All(endpoints[p].Urls, u => Assert.StartsWith("http://localhost:", u)));
        Assert.All(PlatformModel.Resources, r => Assert.Equal(r.Replicas, endpoints[r.Resource].Instances.Count));
        Assert.All(PlatformModel.Databases, d => Assert.True(endpoints[d].ConnectionString?.Contains($"Database={d}") == true, $"{d}'s connection string names another database"));
        Assert.True(endpoints.StartupSeconds > 0);
        var mode = File.GetUnixFileMode(Path.Combine(platform.App.DataDirectory, PlatformEndpoints.FileName));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode);
    }

    [Fact]
    public async Task Each_service_instance_reports_itself_healthy_under_its_own_name()
    {
        foreach (var (instance, resource, replica) in PlatformModel.ProjectInstances)
        {
            using var client = platform.CreateHttpClient(resource, replica);

            // A test before this one may have restarted the broker: its consumers take a few seconds to reconnect.
            var body = default(JsonElement);
            await Eventually.UntilAsync(
                async () =>
                {
                    using var health = await client.GetAsync("/health");
                    body = await health.Content.ReadFromJsonAsync<JsonElement>();
                    return health.IsSuccessStatusCode && body.GetProperty("status").GetString() == "Healthy";
                },
                TimeSpan.FromSeconds(30),
                () => $"{instance} /health says Healthy; last: {body}");
            Assert.Equal(resource, body.GetProperty("service").GetString());
            Assert.Equal(platform.InstanceId(resource, replica), body.GetProperty("instance").GetString());

            using var alive = await client.GetAsync("/alive");
            Assert.True(alive.IsSuccessStatusCode, $"{instance} /alive answered {(int)alive.StatusCode}");
        }
    }
}
