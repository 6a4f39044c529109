using Npgsql;

namespace Platform.IntegrationRegistry.Data;

/// <summary>Null-aware column reads by name.</summary>
public static class DataReaderExtensions
{
    public static Guid Guid(this NpgsqlDataReader reader, string column) => reader.GetGuid(reader.GetOrdinal(column));

    public static Guid? NullableGuid(this NpgsqlDataReader reader, string column) =>
        reader.IsDBNull(reader.GetOrdinal(column)) ? null : reader.GetGuid(reader.GetOrdinal(column));

    public static string String(this NpgsqlDataReader reader, string column) => reader.GetString(reader.GetOrdinal(column));

    public static string? NullableString(this NpgsqlDataReader reader, string column) =>
        reader.IsDBNull(reader.GetOrdinal(column)) ? null : reader.GetString(reader.GetOrdinal(column));

    public static int Int(this NpgsqlDataReader reader, string column) => reader.GetInt32(reader.GetOrdinal(column));

    public static bool Bool(this NpgsqlDataReader reader, string column) => reader.GetBoolean(reader.GetOrdinal(column));

    public static string[] Strings(this NpgsqlDataReader reader, string column) => reader.GetFieldValue<string[]>(reader.GetOrdinal(column));

    public static DateTimeOffset Time(this NpgsqlDataReader reader, string column) => reader.GetFieldValue<DateTimeOffset>(reader.GetOrdinal(column));

    public static DateTimeOffset? NullableTime(this NpgsqlDataReader reader, string column) =>
        reader.IsDBNull(reader.GetOrdinal(column)) ? null : reader.GetFieldValue<DateTimeOffset>(reader.GetOrdinal(column));
}
