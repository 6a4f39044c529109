using System.Net.Sockets;
using Npgsql;

namespace Platform.AuditWriter.Ingest;

/// <summary>Sorts database failures into "try again later" and "this data will never fit".</summary>
public static class DatabaseErrors
{
    /// <summary>SQLSTATE 23514 with this text: no partition exists for the row's month.</summary>
    public const string CheckViolation = "23514";

    /// <summary>The database or the connection is down or overloaded; the same batch will succeed later.</summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.IsTransient
            || postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
            || postgres.SqlState.StartsWith("53", StringComparison.Ordinal)
            || postgres.SqlState.StartsWith("57P", StringComparison.Ordinal)
            || postgres.SqlState is "40001" or "40P01" or "55P03",
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is SocketException or IOException or TimeoutException,
        TimeoutException or SocketException or IOException => true,
        _ => false,
    };

    /// <summary>No partition of the table accepts the row's timestamp.</summary>
    public static bool IsMissingPartition(Exception exception) =>
        exception is PostgresException { SqlState: CheckViolation } postgres
        && postgres.MessageText.StartsWith("no partition of relation", StringComparison.Ordinal);

    /// <summary>The reason given for a record the database refuses: the SQLSTATE and constraint, never the values.</summary>
    public static string Describe(PostgresException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.ConstraintName is { Length: > 0 } constraint
            ? $"SQLSTATE {exception.SqlState}, constraint {constraint}"
            : $"SQLSTATE {exception.SqlState}";
    }
}
