namespace Herald.Server.Recipients;

/// <summary>A verification request already counted and answered; the email, if any, is still to be sent.</summary>
internal sealed record PendingVerification(string RecipientId, string Address, DateTimeOffset RequestedAt);
