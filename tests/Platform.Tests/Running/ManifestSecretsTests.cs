using System.Text.Json;
using Platform.Tests.Infrastructure;
using Platform.Tests.Manifest;

namespace Platform.Tests.Running;

[Collection(PlatformCollection.Name)]
public sealed class ManifestSecretsTests(DistributedApplicationFixture platform)
{
    [Fact]
    public async Task Manifest_holds_no_generated_password_only_secret_parameters()
    {
        var manifest = await ManifestFile.PublishAsync();
        var secrets = platform.App.Endpoints.Secrets();

        Assert.Equal(2, secrets.Count);
        Assert.False(secrets.Any(s => manifest.Contains(s, StringComparison.Ordinal)), "the manifest contains a password generated for a run");

        var resources = JsonDocument.Parse(manifest).RootElement.GetProperty("resources");
        foreach (var name in new[] { "postgres-password", "eventbus-password" })
        {
            var parameter = resources.GetProperty(name);
            Assert.Equal("parameter.v0", parameter.GetProperty("type").GetString());
            Assert.True(parameter.GetProperty("value").GetString() == $"{{{name}.inputs.value}}", $"{name}'s value is not the input placeholder");
            var input = parameter.GetProperty("inputs").GetProperty("value");
            Assert.True(input.GetProperty("secret").GetBoolean(), $"{name} is not marked secret");
            Assert.True(input.GetProperty("default").TryGetProperty("generate", out _), $"{name} is not generated at deployment");
        }
    }
}
