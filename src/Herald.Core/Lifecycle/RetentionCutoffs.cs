namespace Herald.Core.Lifecycle;

/// <summary>
/// What the pruner may remove at <paramref name="Now"/>: final messages accepted before <paramref name="MessagesBefore"/>
/// with their timelines and webhook rows, bounce evidence before <paramref name="EvidenceBefore"/>, history before
/// <paramref name="HistoryBefore"/>, and rows whose own window ended by <paramref name="Now"/> (replay guard, verification
/// tokens and requests). A suppression in force at <paramref name="Now"/> is never removed.
/// </summary>
public sealed record RetentionCutoffs(DateTimeOffset Now, DateTimeOffset MessagesBefore, DateTimeOffset EvidenceBefore, DateTimeOffset HistoryBefore);
