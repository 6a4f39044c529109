using System.Security.Cryptography;
using Npgsql;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Vault;

/// <summary>
/// The database itself refuses a secret version that is not exactly one of the three forms: malformed rows go in
/// with plain SQL (each in a transaction that is rolled back) and come back as check violations.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class VaultSchemaTests(DistributedApplicationFixture fixture)
{
    private const string FormConstraint = "secret_refs_form";

    private readonly string _connectionString = fixture.GetConnectionString("vaultdb");

    private static readonly Dictionary<string, object?> ValidEncrypted = new()
    {
        ["ciphertext"] = RandomNumberGenerator.GetBytes(24),
        ["nonce"] = RandomNumberGenerator.GetBytes(12),
        ["tag"] = RandomNumberGenerator.GetBytes(16),
        ["wrapped_key"] = RandomNumberGenerator.GetBytes(60),
        ["master_key_version"] = 1,
    };

    private static Dictionary<string, object?> Encrypted(Action<Dictionary<string, object?>> change)
    {
        var columns = new Dictionary<string, object?>(ValidEncrypted);
        change(columns);
        return columns;
    }

    /// <summary>(case, parent kind, row kind, columns, constraint expected to refuse it).</summary>
    public static TheoryData<string, string, string, Dictionary<string, object?>, string> Malformed => new()
    {
        { "unknown kind", "encrypted", "plaintext", new() { ["env_variable"] = "PLATFORM_SECRET_X" }, FormConstraint },
        { "encrypted without nonce", "encrypted", "encrypted", Encrypted(c => c.Remove("nonce")), FormConstraint },
        { "encrypted without tag", "encrypted", "encrypted", Encrypted(c => c.Remove("tag")), FormConstraint },
        { "encrypted without key version", "encrypted", "encrypted", Encrypted(c => c.Remove("master_key_version")), FormConstraint },
        { "encrypted without wrapped key", "encrypted", "encrypted", Encrypted(c => c.Remove("wrapped_key")), FormConstraint },
        { "encrypted without ciphertext", "encrypted", "encrypted", Encrypted(c => c.Remove("ciphertext")), FormConstraint },
        { "encrypted with a short nonce", "encrypted", "encrypted", Encrypted(c => c["nonce"] = new byte[8]), FormConstraint },
        { "destroyed but still holding a wrapped key", "encrypted", "encrypted", Encrypted(c => { c.Remove("ciphertext"); c["destroyed_at"] = DateTime.UtcNow; }), FormConstraint },
        { "env with ciphertext", "env", "env", new() { ["env_variable"] = "PLATFORM_SECRET_X", ["ciphertext"] = new byte[] { 1, 2, 3 } }, FormConstraint },
        { "env without a name", "env", "env", new(), FormConstraint },
        { "env with a name that is no name", "env", "env", new() { ["env_variable"] = "sk_live secret value" }, "secret_refs_env_variable_is_a_name" },
        { "cloud without URI", "cloud", "cloud", new(), FormConstraint },
        { "cloud with a URI that is no identifier", "cloud", "cloud", new() { ["cloud_uri"] = "sk_live_secret_value" }, "secret_refs_cloud_uri_is_an_identifier" },
        { "env and cloud at once", "env", "env", new() { ["env_variable"] = "PLATFORM_SECRET_X", ["cloud_uri"] = "https://contoso.vault.azure.net/secrets/x" }, FormConstraint },
        { "encrypted and env at once", "encrypted", "encrypted", Encrypted(c => c["env_variable"] = "PLATFORM_SECRET_X"), FormConstraint },
        { "cloud with a key version", "cloud", "cloud", new() { ["cloud_uri"] = "https://contoso.vault.azure.net/secrets/x", ["master_key_version"] = 1 }, FormConstraint },
    };

    public static TheoryData<string, Dictionary<string, object?>> WellFormed => new()
    {
        { "encrypted", Encrypted(_ => { }) },
        { "encrypted", new() { ["destroyed_at"] = DateTime.UtcNow } },
        { "env", new() { ["env_variable"] = "PLATFORM_SECRET_X" } },
        { "cloud", new() { ["cloud_uri"] = "https://contoso.vault.azure.net/secrets/x/0123456789abcdef0123456789abcdef" } },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task The_database_refuses_a_malformed_secret_version(
        string @case, string parentKind, string kind, Dictionary<string, object?> columns, string constraint)
    {
        var error = await Assert.ThrowsAsync<PostgresException>(() => InsertVersionAsync(parentKind, kind, columns));

        Assert.True(error.SqlState == PostgresErrorCodes.CheckViolation, $"{@case}: {error.SqlState} {error.MessageText}");
        Assert.Equal(constraint, error.ConstraintName);
    }

    [Theory]
    [MemberData(nameof(WellFormed))]
    public async Task The_database_accepts_each_well_formed_version(string kind, Dictionary<string, object?> columns)
    {
        await InsertVersionAsync(kind, kind, columns);
    }

    [Theory]
    [InlineData("kind", "plaintext", "secrets_kind")]
    [InlineData("purpose", "sk_live_51HxY7vQ2\nwith a newline", "secrets_purpose")]
    [InlineData("purpose", "api-key", "secrets_purpose")]
    [InlineData("created_by", "Bearer abc", "secrets_created_by_is_a_service")]
    public async Task A_secret_row_takes_only_labels_and_names(string column, string value, string constraint)
    {
        var values = new Dictionary<string, object?> { ["kind"] = "encrypted", ["purpose"] = "upstream-credential", ["created_by"] = "integration-registry" };
        values[column] = value;
        await using var connection = await OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();

        var error = await Assert.ThrowsAsync<PostgresException>(() => InsertSecretAsync(connection, transaction, Guid.NewGuid(), values));

        Assert.Equal(PostgresErrorCodes.CheckViolation, error.SqlState);
        Assert.Equal(constraint, error.ConstraintName);
    }

    [Fact]
    public async Task Every_text_column_of_the_vault_is_shaped_by_a_check()
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT c.relname || '.' || a.attname
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'vault' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
              AND a.atttypid = 'text'::regtype
              AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = c.oid AND k.contype = 'c' AND a.attnum = ANY (k.conkey))
            """, connection);
        var unshaped = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                unshaped.Add(reader.GetString(0));
            }
        }

        Assert.Empty(unshaped);
    }

    private async Task InsertVersionAsync(string parentKind, string kind, Dictionary<string, object?> columns)
    {
        await using var connection = await OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var secretId = Guid.NewGuid();
        var tenantId = Guid.NewGuid();
        await InsertSecretAsync(connection, transaction, secretId,
            new() { ["kind"] = parentKind, ["purpose"] = "upstream-credential", ["created_by"] = "integration-registry" }, tenantId);
        var names = new List<string> { "secret_id", "tenant_id", "kind", "version" };
        var values = new List<object?> { secretId, tenantId, kind, 1 };
        foreach (var (name, value) in columns)
        {
            names.Add(name);
            values.Add(value);
        }
        await using var insert = new NpgsqlCommand(
            $"INSERT INTO vault.secret_refs ({string.Join(", ", names)}) VALUES ({string.Join(", ", names.Select((_, i) => $"${i + 1}"))})",
            connection, transaction);
        foreach (var value in values)
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }
        try
        {
            await insert.ExecuteNonQueryAsync();
        }
        finally
        {
            await transaction.RollbackAsync();
        }
    }

    private static async Task InsertSecretAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid id, Dictionary<string, object?> values, Guid? tenantId = null)
    {
        await using var command = new NpgsqlCommand(
            "INSERT INTO vault.secrets (id, tenant_id, kind, purpose, current_version, created_by) VALUES ($1, $2, $3, $4, 1, $5)",
            connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId ?? Guid.NewGuid() });
        command.Parameters.Add(new NpgsqlParameter { Value = values["kind"] });
        command.Parameters.Add(new NpgsqlParameter { Value = values["purpose"] });
        command.Parameters.Add(new NpgsqlParameter { Value = values["created_by"] });
        await command.ExecuteNonQueryAsync();
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        return connection;
    }
}
