namespace Herald.Smtp.Outbound.Dkim;

/// <summary>One signing key: the public half is published at <c>{Selector}._domainkey.{Domain}</c> (RFC 6376 section 3.6.2.1).</summary>
public sealed class DkimKeyOptions
{
    public string Domain { get; set; } = string.Empty;

    public string Selector { get; set; } = string.Empty;

    /// <summary>A PEM file with the private key (PKCS#1 or PKCS#8).</summary>
    public string? PrivateKeyFile { get; set; }

    /// <summary>The private key PEM inline (from a secret store); wins over <see cref="PrivateKeyFile"/>.</summary>
    public string? PrivateKeyPem { get; set; }

    /// <summary>"rsa-sha256" (RFC 6376, 2048-bit keys) or "ed25519-sha256" (RFC 8463).</summary>
    public string Algorithm { get; set; } = "rsa-sha256";

    internal string LoadPem() => PrivateKeyPem
        ?? (PrivateKeyFile is not null ? File.ReadAllText(PrivateKeyFile)
            : throw new InvalidOperationException($"DKIM key for {Domain} has neither PrivateKeyPem nor PrivateKeyFile"));
}
