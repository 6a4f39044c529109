using Platform.Tests.Infrastructure;

namespace Platform.Tests.Running;

[Collection(PlatformCollection.Name)]
public sealed class AppHostOutputTests(DistributedApplicationFixture platform)
{
    [Fact]
    public void The_apphost_output_never_shows_a_generated_password()
    {
        var output = platform.App.Output;
        var secrets = platform.App.Endpoints.Secrets();
        Assert.Equal(2, secrets.Count); // PostgreSQL's and RabbitMQ's

        Assert.True(output.Wrote("Platform ready in"), "the AppHost never said the platform was ready");
        Assert.False(secrets.Any(output.Wrote), "the AppHost or a resource logged a generated password");
    }
}
