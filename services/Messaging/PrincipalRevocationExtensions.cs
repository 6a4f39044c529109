using MassTransit;
using Platform.Messaging;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Wiring of <see cref="PrincipalRevocationConsumer"/> into a service's bus.</summary>
public static class PrincipalRevocationExtensions
{
    /// <summary>
    /// Every instance gets its own temporary queue (auto-deleted when it stops), so each replica hears every
    /// revocation: a shared queue would hand each event to one replica only and leave the others' caches stale.
    /// Use inside <c>builder.AddEventBus(bus => bus.AddPrincipalRevocationConsumer())</c>.
    /// </summary>
    public static IBusRegistrationConfigurator AddPrincipalRevocationConsumer(this IBusRegistrationConfigurator bus)
    {
        ArgumentNullException.ThrowIfNull(bus);
        bus.AddConsumer<PrincipalRevocationConsumer>().Endpoint(endpoint =>
        {
            endpoint.Temporary = true;
            endpoint.InstanceId = Guid.NewGuid().ToString("N")[..12];
        });
        return bus;
    }
}
