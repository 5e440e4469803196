namespace Herald.Core.Catalogue;

/// <summary>One notification type as written in configuration (<c>Herald:Catalogue:&lt;key&gt;</c>).</summary>
public sealed class NotificationTypeOptions
{
    public string? Category { get; set; }

    /// <summary>The type's name as people read it ("Report approved"); the key when unset.</summary>
    public string? DisplayName { get; set; }

    /// <summary>Whether recipients may turn this category off. Sign-in codes and validation may not.</summary>
    public bool OptOut { get; set; }

    /// <summary>Whether a recipient who never chose gets this category (off: they must turn it on). Ignored unless OptOut.</summary>
    public bool DefaultOn { get; set; } = true;

    /// <summary><c>critical</c>, <c>normal</c> or <c>bulk</c>.</summary>
    public string? Priority { get; set; }

    /// <summary>How long the message makes sense, e.g. <c>00:10:00</c>. After it, the message expires unsent.</summary>
    public TimeSpan? TimeToLive { get; set; }

    public SenderOptions? Sender { get; set; }

    /// <summary>At most this many messages of the type to one address per window (sign-in codes above all); none when unset.</summary>
    public RateLimitOptions? RateLimit { get; set; }

    /// <summary>The template fields; each may be required and/or secret (never shown, purged when final).</summary>
    public Dictionary<string, FieldOptions> Fields { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Made-up values of the fields, kept with the type, that <c>/dev/templates</c> previews it with.</summary>
    public Dictionary<string, string> Sample { get; set; } = new(StringComparer.Ordinal);

    public string? Subject { get; set; }

    public string? Text { get; set; }

    public string? Html { get; set; }
}
