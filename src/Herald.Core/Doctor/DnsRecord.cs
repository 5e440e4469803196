namespace Herald.Core.Doctor;

/// <summary>One record's data: an MX host (with its preference), a TXT string (its parts joined), an address or a PTR name.</summary>
/// <param name="Data">Host names without the trailing dot, lower case; "" for the null MX's "." (RFC 7505).</param>
public sealed record DnsRecord(string Data, int Preference = 0);
