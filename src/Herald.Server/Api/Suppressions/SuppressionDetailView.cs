using Herald.Server.Api.Deliverability;

namespace Herald.Server.Api.Suppressions;

/// <summary>What an operator sees about one address: its status and its full history (the audit trail).</summary>
public sealed record SuppressionDetailView(RecipientStatusView Status, IReadOnlyList<HistoryEntryView> History);
