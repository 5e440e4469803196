namespace Herald.Core.Recipients;

/// <summary>Limits of address verification that every recipient store enforces the same way.</summary>
public static class VerificationRules
{
    /// <summary>Wrong codes allowed per token: a 6-digit code must not be guessable by trying (NIST SP 800-63B 5.2.2).</summary>
    public const int MaxCodeFailures = 5;
}
