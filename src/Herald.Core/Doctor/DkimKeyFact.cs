namespace Herald.Core.Doctor;

/// <summary>A configured DKIM key: where its public half must be published, and what it must say.</summary>
/// <param name="PublicKey">The base64 value the record's <c>p=</c> tag must hold (RFC 6376 3.6.1); null when the key could not be read.</param>
public sealed record DkimKeyFact(string Domain, string Selector, string Algorithm, string? PublicKey)
{
    public string RecordName => $"{Selector}._domainkey.{Domain}";
}
