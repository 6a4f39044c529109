using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Platform.Messaging.Tests;

public sealed class EventBusTests
{
    [Fact]
    public void MassTransit_usage_telemetry_is_off()
    {
        using var host = Build();

        // MassTransit would otherwise report the bus's configuration to its makers' servers.
        Assert.False(host.Services.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value.Enabled);
    }

    [Fact]
    public void A_missing_connection_string_names_the_setting_to_configure()
    {
        var builder = Host.CreateApplicationBuilder();

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddEventBus());

        Assert.Contains("ConnectionStrings__eventbus", error.Message);
    }

    private static IHost Build()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:eventbus"] = "amqp://guest:guest@127.0.0.1:1",
        });
        builder.AddEventBus();
        return builder.Build();
    }
}
