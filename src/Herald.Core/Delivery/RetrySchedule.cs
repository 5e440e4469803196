namespace Herald.Core.Delivery;

/// <summary>
/// When to try again after a deferral. A pure function of (attempt, now, jitter sample) so it is tested
/// without clocks. The table follows the shape Postfix and Postal use (fast first, then doubling, capped):
///
/// | after attempt | wait   |
/// |---------------|--------|
/// | 1             | 1 min  |
/// | 2             | 5 min  |
/// | 3             | 15 min |
/// | 4             | 30 min |
/// | 5             | 1 h    |
/// | 6             | 2 h    |
/// | 7             | 4 h    |
/// | 8 and later   | 8 h    |
///
/// Each wait gets up to +/-10 % jitter so that messages deferred together by one busy server do not all come
/// back in the same second. The caller never schedules past the message's time to live (see OutcomePolicy).
/// </summary>
public static class RetrySchedule
{
    private static readonly TimeSpan[] Table =
    [
        TimeSpan.FromMinutes(1),
        TimeSpan.FromMinutes(5),
        TimeSpan.FromMinutes(15),
        TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(1),
        TimeSpan.FromHours(2),
        TimeSpan.FromHours(4),
        TimeSpan.FromHours(8),
    ];

    public const double JitterFraction = 0.10;

    /// <summary>The wait after attempt number <paramref name="attempt"/> (1-based), before jitter.</summary>
    public static TimeSpan BaseDelay(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        return Table[Math.Min(attempt, Table.Length) - 1];
    }

    /// <param name="jitterSample">A number in [0, 1): 0.5 means no jitter, 0 means -10 %, 1 means +10 %.</param>
    public static DateTimeOffset NextAttemptAt(int attempt, DateTimeOffset now, double jitterSample)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(jitterSample, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(jitterSample, 1.0);
        var delay = BaseDelay(attempt);
        var factor = 1.0 + ((jitterSample * 2.0) - 1.0) * JitterFraction;
        return now + TimeSpan.FromTicks((long)(delay.Ticks * factor));
    }
}
