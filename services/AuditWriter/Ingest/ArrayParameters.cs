using Npgsql;
using NpgsqlTypes;

namespace Platform.AuditWriter.Ingest;

/// <summary>Binds one column of a batch as a PostgreSQL array, for <c>INSERT ... SELECT FROM unnest(...)</c>.</summary>
public static class ArrayParameters
{
    public static void Add<TRecord, TValue>(
        this NpgsqlParameterCollection parameters, IReadOnlyList<TRecord> records, Func<TRecord, TValue> column, NpgsqlDbType type)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(column);
        var values = new TValue[records.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = column(records[i]);
        }
        parameters.Add(new NpgsqlParameter { Value = values, NpgsqlDbType = NpgsqlDbType.Array | type });
    }
}
