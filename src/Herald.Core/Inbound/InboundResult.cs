namespace Herald.Core.Inbound;

/// <summary>The sink's answer for one inbound message. <paramref name="Reason"/> is shown to the peer, keep it short.</summary>
public sealed record InboundResult(InboundDisposition Disposition, string? Reason = null)
{
    public static InboundResult Accepted { get; } = new(InboundDisposition.Accepted);

    public static InboundResult Defer(string reason) => new(InboundDisposition.Deferred, reason);

    public static InboundResult Reject(string reason) => new(InboundDisposition.Rejected, reason);
}
