namespace Herald.Server.Api.Webhooks;

/// <summary>How many dead letters were made due again, and for which endpoint.</summary>
internal sealed record ReplayView(int Replayed, string Endpoint);
