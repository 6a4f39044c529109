using Npgsql;

namespace Platform.IntegrationRegistry.Data;

/// <summary>Recognises the constraint violations an API turns into 409 problem details.</summary>
public static class PostgresErrors
{
    public static bool IsUniqueViolation(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public static bool IsForeignKeyViolation(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation };
}
