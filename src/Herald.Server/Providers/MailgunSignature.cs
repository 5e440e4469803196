namespace Herald.Server.Providers;

/// <summary>The "signature" object of a Mailgun webhook body: unix seconds, a random token, and the hex HMAC.</summary>
internal sealed record MailgunSignature(string Timestamp, string Token, string Signature);
