namespace Herald.Server.Recipients;

/// <summary>A category as it applies to one recipient: the stored choice, or the catalogue default when none.</summary>
/// <param name="ChangedAt">When the recipient's choice was stored; null while the default applies.</param>
public sealed record EffectivePreference(string Category, bool Enabled, bool OptOut, bool IsDefault, DateTimeOffset? ChangedAt, string? Source)
{
    /// <summary>Why a message of this category was not sent, in plain words (the <c>skipped</c> event's detail).</summary>
    public string SkipReason(string recipientId) => ChangedAt is { } at
        ? $"not sent: recipient {recipientId} turned off '{Category}' emails on {at:u} ({SourceWords(Source)})"
        : $"not sent: '{Category}' emails are off by default and recipient {recipientId} never turned them on";

    private static string SourceWords(string? source) => source switch
    {
        PreferenceSources.OneClick => "with the one-click unsubscribe link in an email",
        PreferenceSources.Api => "through the application",
        PreferenceSources.Settings => "on the email settings page",
        PreferenceSources.EmailLink => "with the settings link in an email",
        _ => source ?? "unknown",
    };
}
