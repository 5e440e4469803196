namespace Herald.Bounces;

/// <summary>The result of classifying one email, SMTP reply or pasted text.</summary>
public sealed record BounceReport(ReportKind Kind, IReadOnlyList<BounceRecord> Records, string? Cause = null)
{
    public static BounceReport Undefined(string cause) => new(ReportKind.Undefined, [], cause);

    public static BounceReport NotABounce(string cause) => new(ReportKind.NotABounce, [], cause);
}
