namespace Herald.Server.Configuration;

/// <summary>The <c>Herald:Telemetry</c> section: metrics and traces through OpenTelemetry.</summary>
public sealed class TelemetryOptions
{
    /// <summary>Serve the metrics at <c>GET /metrics</c> in the Prometheus text format.</summary>
    public bool Prometheus { get; set; } = true;

    /// <summary>An OpenTelemetry collector (OTLP over gRPC, e.g. http://127.0.0.1:4317) to push metrics and traces to; none when empty.</summary>
    public string? OtlpEndpoint { get; set; }
}
