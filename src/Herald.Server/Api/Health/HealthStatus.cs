namespace Herald.Server.Api.Health;

public sealed record HealthStatus(string Status);
