using Npgsql;

namespace Platform.Tests.Registry;

/// <summary>Reads registrydb straight from PostgreSQL, to check what the registry does and does not store.</summary>
public sealed class RegistryDatabase(string connectionString)
{
    public async Task<T?> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        var result = await command.ExecuteScalarAsync();
        return result is null or DBNull ? default : (T)result;
    }

    /// <summary>Whether <paramref name="text"/> appears in any row of any table of the given schema (each row rendered as text).</summary>
    public async Task<bool> AnyRowContainsAsync(string schema, string text)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = @schema AND table_type = 'BASE TABLE'", connection))
        {
            list.Parameters.AddWithValue("schema", schema);
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }
        foreach (var table in tables)
        {
            // Text and bytea alike: a row rendered as text shows bytea as hex, so search the hex of the UTF-8 too.
            await using var search = new NpgsqlCommand(
                $"SELECT EXISTS (SELECT 1 FROM \"{schema}\".\"{table}\" t WHERE strpos(t::text, @text) > 0 OR strpos(t::text, @hex) > 0)", connection);
            search.Parameters.AddWithValue("text", text);
            search.Parameters.AddWithValue("hex", Convert.ToHexStringLower(System.Text.Encoding.UTF8.GetBytes(text)));
            if ((bool)(await search.ExecuteScalarAsync())!)
            {
                return true;
            }
        }
        return false;
    }
}
