namespace Herald.Smtp;

/// <summary>One MX record: preference (lower first) and exchange host name.</summary>
internal sealed record MxEntry(int Preference, string Exchange);
