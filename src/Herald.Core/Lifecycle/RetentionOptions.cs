namespace Herald.Core.Lifecycle;

/// <summary>
/// How long the store keeps each kind of row (configuration section <c>Herald:Retention</c>, see docs/storage.md). The
/// defaults follow what support teams ask of a notification service: a month of timelines to answer "did my email
/// arrive?" (Postmark keeps 45 days of activity, SES's event destinations leave retention to the user), a year of
/// bounce and complaint evidence to explain a suppression, two years of ledger history and audit entries.
/// Suppressions in force are never pruned, whatever their age.
/// </summary>
public sealed record RetentionOptions
{
    /// <summary>Final messages (delivered, failed, bounced, complained, suppressed, expired) and their timelines, from acceptance.</summary>
    public TimeSpan Messages { get; init; } = TimeSpan.FromDays(30);

    /// <summary>Block hits and domain incidents (the evidence behind "this domain blocks us").</summary>
    public TimeSpan BounceEvidence { get; init; } = TimeSpan.FromDays(365);

    /// <summary>The suppression ledger's history, ledger rows with nothing in force, delivered webhook rows' audit and erasure records.</summary>
    public TimeSpan History { get; init; } = TimeSpan.FromDays(730);

    /// <summary>How often the pruner looks for rows past their age.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Rows removed per table in one writer transaction: small, so an acceptance never waits long behind it.</summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>Readiness turns false (and the log warns) when the data folder's file system has less free space than this.</summary>
    public long MinFreeDiskBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>The problems of these settings, each naming its key; empty when valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        void Positive(TimeSpan value, string name)
        {
            if (value <= TimeSpan.Zero)
            {
                problems.Add($"Herald:Retention:{name}: must be a positive duration such as 30.00:00:00 (was {value})");
            }
        }

        Positive(Messages, nameof(Messages));
        Positive(BounceEvidence, nameof(BounceEvidence));
        Positive(History, nameof(History));
        Positive(Interval, nameof(Interval));
        if (BatchSize is < 1 or > 10_000)
        {
            problems.Add($"Herald:Retention:{nameof(BatchSize)}: must be between 1 and 10000 (was {BatchSize})");
        }

        if (MinFreeDiskBytes < 0)
        {
            problems.Add($"Herald:Retention:{nameof(MinFreeDiskBytes)}: must be 0 (no check) or more (was {MinFreeDiskBytes})");
        }

        return problems;
    }

    /// <summary>The cut-off times at <paramref name="now"/>: rows older than these may go.</summary>
    public RetentionCutoffs CutoffsAt(DateTimeOffset now) => new(now, now - Messages, now - BounceEvidence, now - History);
}
