namespace Herald.Server.Pages.Portal;

/// <summary>One line of "Recent notifications": never the message's data, whose fields may be secret.</summary>
/// <param name="TurnOnAnchor">For a message skipped by a preference: the preference to turn back on.</param>
public sealed record MessageLine(string Id, string TypeName, string To, DateTimeOffset At, string Status, string? TurnOnAnchor);
