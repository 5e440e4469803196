namespace Herald.Core.Lifecycle;

/// <summary>One table of the store: how many rows, and the time of the oldest (null when empty or the table has no time).</summary>
public sealed record TableInventory(string Table, long Rows, DateTimeOffset? Oldest);
