namespace Herald.Server.Api.Messages;

public sealed record MessageLinks(string Self, string Recipient);
