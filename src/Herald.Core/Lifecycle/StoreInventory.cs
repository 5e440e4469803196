namespace Herald.Core.Lifecycle;

/// <summary>The store's size on disk and what it holds, for <c>herald status --store</c>.</summary>
/// <param name="Bytes">Every file of the store (database, write-ahead log and the like).</param>
/// <param name="FreeBytes">Space inside the files that the store holds free for reuse (SQLite's free pages).</param>
public sealed record StoreInventory(string Location, long Bytes, long FreeBytes, IReadOnlyList<TableInventory> Tables);
