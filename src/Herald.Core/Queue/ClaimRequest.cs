using Herald.Core.Messages;

namespace Herald.Core.Queue;

/// <summary>Ask for up to <paramref name="Max"/> due jobs, highest priority first, then earliest due.</summary>
/// <param name="LowestPriority">Only claim jobs of this priority or higher (a critical-only lane passes Critical).</param>
public sealed record ClaimRequest(string Owner, int Max, Priority LowestPriority, DateTimeOffset Now, TimeSpan LeaseDuration);
