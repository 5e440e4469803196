namespace Herald.Core.Lifecycle;

/// <summary>What one pruning transaction removed, by table (or kind of row).</summary>
public sealed record PruneBatch(IReadOnlyDictionary<string, int> Removed)
{
    public int Total => Removed.Values.Sum();

    /// <summary>Whether some kind hit the batch limit, so rows past their age may remain.</summary>
    public bool MoreThan(int limit) => Removed.Values.Any(n => n >= limit);
}
