using Herald.Core.Messages;

namespace Herald.Core.Feedback;

/// <summary>
/// A message's status corrected by what came back after it (a bounce or complaint after <c>delivered</c>), in the same
/// transaction as the ledger change and the timeline event. The store applies it to the status only while the message
/// is in one of <see cref="From"/>, and keeps <see cref="To"/> on the message (unless a report already kept there
/// outranks it) so that an attempt still in flight settles on it when it commits (<see cref="ReportedStatus.Settle"/>).
/// </summary>
public sealed record MessageStatusChange(string MessageId, IReadOnlyList<MessageStatus> From, MessageStatus To)
{
    /// <summary>The change a report of <paramref name="reported"/> makes, as <see cref="ReportedStatus"/> decides.</summary>
    public static MessageStatusChange Reported(string messageId, MessageStatus reported) =>
        new(messageId, ReportedStatus.Replaces(reported), reported);
}
