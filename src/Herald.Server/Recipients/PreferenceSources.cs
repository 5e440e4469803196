namespace Herald.Server.Recipients;

/// <summary>Who changed a preference, as stored and shown.</summary>
internal static class PreferenceSources
{
    public const string Api = "api";

    public const string OneClick = "one-click";

    /// <summary>The email-settings page, opened with a portal link.</summary>
    public const string Settings = "settings-page";

    /// <summary>The preferences page of an email's "Manage your email settings" link.</summary>
    public const string EmailLink = "email-link";
}
