using Herald.Core.Catalogue;

namespace Herald.Server.Configuration;

/// <summary>The <c>Herald</c> configuration section. Defaults live in the embedded defaults.json.</summary>
public sealed class HeraldOptions
{
    /// <summary>Where the embedded SQLite database lives.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>The domain of the per-message Return-Path addresses (VERP) that bounces come back to.</summary>
    public string BounceDomain { get; set; } = "bounces.herald.localhost";

    /// <summary>The right-hand side of the Message-IDs Herald generates.</summary>
    public string MessageIdDomain { get; set; } = "herald.localhost";

    public SenderOptions DefaultSender { get; set; } = new();

    public Dictionary<string, NotificationTypeOptions> Catalogue { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How each category is shown to people: display name, description, why it cannot be turned off.</summary>
    public Dictionary<string, CategoryOptions> Categories { get; set; } = new(StringComparer.Ordinal);

    public DeliveryOptions Delivery { get; set; } = new();

    public HttpOptions Http { get; set; } = new();

    public HealthOptions Health { get; set; } = new();

    public TelemetryOptions Telemetry { get; set; } = new();
}
