namespace Platform.SecretsVault.Storage;

/// <summary>Writes a batch of access records in one transaction: all of them are committed, or none.</summary>
public interface IAccessLogStore
{
    Task WriteAsync(IReadOnlyList<AccessRecord> records, CancellationToken cancellationToken);
}
