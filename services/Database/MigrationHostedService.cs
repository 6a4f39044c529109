using System.Diagnostics;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Platform.Database;

/// <summary>
/// Migrates the service's database while the host starts, before the server accepts requests; waits a
/// bounded time for a database that is not up yet, and fails the start on anything else.
/// </summary>
internal sealed partial class MigrationHostedService(
    string connectionName,
    IReadOnlyList<MigrationScript> migrations,
    MigrationRunner runner,
    IOptions<MigrationOptions> options,
    ILogger<MigrationHostedService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                var applied = await runner.ApplyAsync(migrations, cancellationToken);
                LogDone(logger, connectionName, applied, migrations.Count, clock.Elapsed);
                return;
            }
            catch (Exception exception) when (IsUnavailable(exception) && clock.Elapsed + settings.RetryDelay < settings.ConnectTimeout)
            {
                LogWaiting(logger, connectionName, exception.GetType().Name, settings.RetryDelay);
            }
            catch (Exception exception) when (IsUnavailable(exception))
            {
                throw new InvalidOperationException(
                    $"Database '{connectionName}' was still unreachable after {settings.ConnectTimeout}; migrations were not applied.", exception);
            }
            await Task.Delay(settings.RetryDelay, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Failures that mean "not up yet", as opposed to bad credentials or a broken script.</summary>
    private static bool IsUnavailable(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.SqlState is "57P03" or "53300" or "3D000" || postgres.SqlState.StartsWith("08", StringComparison.Ordinal),
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is SocketException or IOException or TimeoutException,
        TimeoutException => true,
        _ => false,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Database {ConnectionName}: applied {Applied} of {Known} migrations in {Elapsed}")]
    private static partial void LogDone(ILogger logger, string connectionName, int applied, int known, TimeSpan elapsed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database {ConnectionName} is not reachable yet ({Error}); retrying in {Delay}")]
    private static partial void LogWaiting(ILogger logger, string connectionName, string error, TimeSpan delay);
}
