namespace Herald.Core.Doctor;

/// <param name="Error">The resolver's words when the question failed (shown as evidence).</param>
public sealed record DnsAnswer(DnsStatus Status, IReadOnlyList<DnsRecord> Records, string? Error = null)
{
    public static DnsAnswer Of(IReadOnlyList<DnsRecord> records) => new(records.Count > 0 ? DnsStatus.Answered : DnsStatus.NoData, records);

    /// <summary>The name's servers said something final about it (records, none, or no such name).</summary>
    public bool IsAnswer => Status is DnsStatus.Answered or DnsStatus.NoData or DnsStatus.NameNotFound;
}
