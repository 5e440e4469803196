namespace Herald.Server.Recipients;

/// <summary>Who changed a preference, as stored and shown.</summary>
internal static class PreferenceSources
{
    public const string Api = "api";

    public const string OneClick = "one-click";
}
