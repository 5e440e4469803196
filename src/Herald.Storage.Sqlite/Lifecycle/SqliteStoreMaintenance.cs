using Herald.Core.Lifecycle;

namespace Herald.Storage.Sqlite.Lifecycle;

/// <summary>Retention and size of the SQLite store: every delete goes through the store's one writer, in small batches.</summary>
public sealed class SqliteStoreMaintenance(SqliteStore store) : IStoreMaintenance
{
    private readonly InventoryReads _reads = new(store.DatabasePath);

    public Task<PruneBatch> PruneAsync(RetentionCutoffs cutoffs, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return store.SubmitAsync(new PruneOp(cutoffs, limit, cancellationToken));
    }

    public Task<long> ReclaimAsync(CancellationToken cancellationToken) => store.SubmitAsync(new ReclaimOp(cancellationToken));

    public async Task<StoreInventory> InventoryAsync(CancellationToken cancellationToken)
    {
        await store.OpenAsync(cancellationToken);
        return await _reads.ReadAsync(cancellationToken);
    }
}
