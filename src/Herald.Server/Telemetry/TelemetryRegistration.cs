using Herald.Core.Delivery;
using Herald.Server.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Herald.Server.Telemetry;

/// <summary>
/// OpenTelemetry .NET: Herald's meter and ASP.NET Core's, served at /metrics for Prometheus and, when
/// <see cref="TelemetryOptions.OtlpEndpoint"/> is set, pushed with the traces (a span per attempt, one per request) to a
/// collector. The instruments record either way; without an exporter nothing listens and they cost a branch.
/// </summary>
internal static class TelemetryRegistration
{
    public const string MetricsPath = "/metrics";

    public static IServiceCollection AddHeraldTelemetry(this IServiceCollection services, TelemetryOptions options)
    {
        services.AddMetrics();
        services.AddSingleton<WebhookBacklogGauge>();
        services.AddSingleton<HeraldMetrics>();
        services.AddSingleton<IOutcomeObserver, MetricsOutcomeObserver>();
        var otlp = options.OtlpEndpoint is { Length: > 0 } endpoint ? new Uri(endpoint) : null;
        if (!options.Prometheus && otlp is null)
        {
            return services;
        }

        var telemetry = services.AddOpenTelemetry().WithMetrics(metrics =>
        {
            // System.Runtime: the runtime's own meter (.NET 9 and later): GC pauses and collections per generation, thread
            // pool queue length, lock contention. What an operator looks at first when latency has spikes the store and
            // SMTP figures do not explain.
            metrics.AddMeter(HeraldTelemetry.Name, "System.Runtime").AddAspNetCoreInstrumentation();
            if (options.Prometheus)
            {
                metrics.AddPrometheusExporter();
            }

            if (otlp is not null)
            {
                metrics.AddOtlpExporter(o => o.Endpoint = otlp);
            }
        });
        if (otlp is not null)
        {
            telemetry.WithTracing(tracing => tracing.AddSource(HeraldTelemetry.Name).AddAspNetCoreInstrumentation().AddOtlpExporter(o => o.Endpoint = otlp));
        }

        return services;
    }

    public static IEndpointRouteBuilder MapHeraldTelemetry(this IEndpointRouteBuilder app, TelemetryOptions options)
    {
        if (options.Prometheus)
        {
            app.MapPrometheusScrapingEndpoint(MetricsPath);
        }

        return app;
    }
}
