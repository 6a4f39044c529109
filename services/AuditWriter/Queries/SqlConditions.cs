using Npgsql;

namespace Platform.AuditWriter.Queries;

/// <summary>Builds a WHERE clause from optional filters, every value a positional parameter.</summary>
public sealed class SqlConditions
{
    private readonly List<string> _conditions = [];
    private readonly List<object> _values = [];

    /// <summary>Adds a value and returns its placeholder (<c>$n</c>).</summary>
    public string Parameter(object value)
    {
        _values.Add(value);
        return $"${_values.Count}";
    }

    public SqlConditions Add(string condition)
    {
        _conditions.Add(condition);
        return this;
    }

    /// <summary>Adds <c>column = $n</c> when a value is given.</summary>
    public SqlConditions Equal(string column, object? value)
    {
        if (value is not null)
        {
            Add($"{column} = {Parameter(value)}");
        }
        return this;
    }

    public string Where => _conditions.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", _conditions);

    public NpgsqlCommand CreateCommand(NpgsqlDataSource dataSource, string sql)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var command = dataSource.CreateCommand(sql);
        foreach (var value in _values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }
        return command;
    }
}
