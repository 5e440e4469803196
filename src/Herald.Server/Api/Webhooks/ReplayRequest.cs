namespace Herald.Server.Api.Webhooks;

/// <param name="To">Another configured endpoint's name to send to instead; absent: the endpoint's current URL.</param>
internal sealed record ReplayRequest(string? To);
