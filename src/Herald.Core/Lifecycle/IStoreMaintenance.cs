namespace Herald.Core.Lifecycle;

/// <summary>Retention and size of the store (port): pruning in small batches, returning freed space, the inventory.</summary>
public interface IStoreMaintenance
{
    /// <summary>
    /// Removes, in one short write, at most <paramref name="limit"/> rows of each kind that are past their cut-off
    /// (see <see cref="RetentionCutoffs"/>), oldest first. Messages not yet final and suppressions in force stay.
    /// </summary>
    Task<PruneBatch> PruneAsync(RetentionCutoffs cutoffs, int limit, CancellationToken cancellationToken);

    /// <summary>Gives space freed by pruning back to the file system where the store can; the bytes released.</summary>
    Task<long> ReclaimAsync(CancellationToken cancellationToken);

    Task<StoreInventory> InventoryAsync(CancellationToken cancellationToken);
}
