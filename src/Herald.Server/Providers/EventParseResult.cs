using Herald.Core.Inbound;

namespace Herald.Server.Providers;

/// <summary>A provider payload read into an event, or acknowledged but not ours to act on, or malformed (400).</summary>
internal sealed record EventParseResult(ProviderEvent? Event, bool IsMalformed, string? Note)
{
    public static EventParseResult Parsed(ProviderEvent providerEvent) => new(providerEvent, false, null);

    public static EventParseResult Ignored(string note) => new(null, false, note);

    public static EventParseResult Malformed(string note) => new(null, true, note);
}
