namespace Platform.SecretsVault;

/// <summary>The service's wiring: secret storage and resolution; reachable only by other services, never through the gateway.</summary>
public static class Extensions
{
    public const string DatabaseName = "vaultdb";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddMigrations(DatabaseName);
        builder.AddEventBus();
        return builder;
    }
}
