namespace Herald.Smtp.Outbound.Mx;

/// <summary>One MX record: preference (lower first) and exchange host name.</summary>
internal sealed record MxEntry(int Preference, string Exchange);
