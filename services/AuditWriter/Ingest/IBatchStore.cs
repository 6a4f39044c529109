namespace Platform.AuditWriter.Ingest;

/// <summary>Writes a batch of records to one table in one statement; a record already there is skipped.</summary>
public interface IBatchStore<TRecord>
{
    Task WriteAsync(IReadOnlyList<TRecord> records, CancellationToken cancellationToken);
}
