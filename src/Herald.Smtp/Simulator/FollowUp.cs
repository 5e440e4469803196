namespace Herald.Smtp.Simulator;

/// <summary>A report the simulator owes the sender of a message it accepted: to the message's Return-Path.</summary>
/// <param name="Headers">The original message's header block, which DSNs and ARF reports return (never its body).</param>
internal sealed record FollowUp(SimulatedCase Case, string ReturnPath, string Recipient, string QueueId, byte[] Headers, DateTimeOffset ArrivedAt);
