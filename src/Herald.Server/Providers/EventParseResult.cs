using Herald.Core.Inbound;

namespace Herald.Server.Providers;

/// <summary>A provider payload read into an event, or acknowledged but not ours to act on, or malformed (400).</summary>
internal sealed record EventParseResult(ProviderEvent? Event, bool IsMalformed, string? Note)
{
    /// <summary>
    /// The event read, or malformed when one of its keys holds a control character: none does when the provider wrote
    /// it (an SNS MessageId is a UUID, RFC 5322's msg-id and addr-spec exclude controls), and a NUL in one, which
    /// PostgreSQL's text cannot take, would fail the replay guard's write or a lookup with a 500, which the provider retries.
    /// </summary>
    public static EventParseResult Parsed(ProviderEvent providerEvent) =>
        KeyWithControl(providerEvent) is { } key ? Malformed($"the event's {key} holds a control character") : new(providerEvent, false, null);

    public static EventParseResult Ignored(string note) => new(null, false, note);

    public static EventParseResult Malformed(string note) => new(null, true, note);

    private static string? KeyWithControl(ProviderEvent e) =>
        HasControl(e.Id) ? "id"
        : HasControl(e.ProviderMessageId) ? "provider message id"
        : HasControl(e.MessageIdHeader) ? "Message-ID"
        : HasControl(e.ReturnPath) ? "return path"
        : e.Recipients.Any(r => HasControl(r.Address)) ? "recipient address"
        : null;

    private static bool HasControl(string? value) => value is not null && value.Any(char.IsControl);
}
