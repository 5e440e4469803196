namespace Herald.Server.Configuration;

/// <summary>The <c>Herald:Http</c> section: what the API accepts of a request body before it answers 413 or 408.</summary>
public sealed class HttpOptions
{
    /// <summary>
    /// The largest request body, in bytes (Kestrel's MaxRequestBodySize; its own default is about 28.6 MiB). A send
    /// request is a few KiB; 1 MiB also holds the largest provider webhook Herald takes (Mailgun's, 1 MiB).
    /// </summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// A body arriving slower than this, in bytes a second, after <see cref="RequestBodyGracePeriod"/> is a stalled
    /// body: 408 (Kestrel's MinRequestBodyDataRate; 240 bytes/s is its default).
    /// </summary>
    public double MinRequestBodyDataRate { get; set; } = 240;

    /// <summary>How long a body may be slow before the rate counts; more than Kestrel's one-second heartbeat.</summary>
    public TimeSpan RequestBodyGracePeriod { get; set; } = TimeSpan.FromSeconds(5);
}
