using MassTransit;
using Npgsql;
using Platform.Contracts;

namespace Platform.AuditWriter.IntegrationEvents.EventHandling;

/// <summary>Records each service start in <c>audit.service_events</c>; a redelivered event is ignored.</summary>
public sealed partial class ServiceStartedConsumer(NpgsqlDataSource dataSource, ILogger<ServiceStartedConsumer> logger) : IConsumer<ServiceStarted>
{
    private const string Insert = """
        INSERT INTO audit.service_events (id, occurred_at, service, instance, version)
        VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT (id) DO NOTHING
        """;

    public async Task Consume(ConsumeContext<ServiceStarted> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var message = context.Message;
        if (message.Id == Guid.Empty || string.IsNullOrWhiteSpace(message.Service) || string.IsNullOrWhiteSpace(message.Instance))
        {
            // Retrying cannot repair a malformed event; MassTransit moves it to the error queue.
            throw new InvalidOperationException("ServiceStarted needs an id, a service and an instance.");
        }

        await using var command = dataSource.CreateCommand(Insert);
        command.Parameters.Add(new NpgsqlParameter { Value = message.Id });
        command.Parameters.Add(new NpgsqlParameter { Value = AsUtc(message.OccurredAt) });
        command.Parameters.Add(new NpgsqlParameter { Value = message.Service });
        command.Parameters.Add(new NpgsqlParameter { Value = message.Instance });
        command.Parameters.Add(new NpgsqlParameter { Value = message.Version ?? string.Empty });
        var inserted = await command.ExecuteNonQueryAsync(context.CancellationToken);

        LogRecorded(logger, message.Service, message.Instance, message.Id, inserted == 0);
    }

    /// <summary>timestamptz takes UTC only; an unspecified kind from the wire is UTC by contract.</summary>
    private static DateTime AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Recorded start of {Service} instance {Instance} ({MessageId}, duplicate: {Duplicate})")]
    private static partial void LogRecorded(ILogger logger, string service, string instance, Guid messageId, bool duplicate);
}
