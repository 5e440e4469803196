namespace Herald.Server.Api.Messages;

public sealed record SendMessageResponse(string Id, string Status, MessageLinks Links);
