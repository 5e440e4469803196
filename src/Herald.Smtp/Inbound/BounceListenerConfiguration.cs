using System.Net;
using Microsoft.Extensions.Configuration;

namespace Herald.Smtp.Inbound;

/// <summary>
/// Reads <see cref="BounceListenerOptions"/> from a configuration section whose keys are its property names
/// (<c>Herald:Inbound</c> in Herald). <see cref="BounceListenerOptions.Endpoint"/> is written "address:port"
/// (127.0.0.1:2526, [::1]:2526) and parsed here: the configuration binder has no conversion from a string to an
/// <see cref="IPEndPoint"/> and would silently keep the default.
/// </summary>
public static class BounceListenerConfiguration
{
    public static BounceListenerOptions Read(IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var options = section.Get<BounceListenerOptions>() ?? new BounceListenerOptions();
        return section[nameof(BounceListenerOptions.Endpoint)] is { } endpoint
            ? options with { Endpoint = IPEndPoint.Parse(endpoint) }
            : options;
    }

    /// <summary>What is wrong with the section's Endpoint, in words; null when it is absent or valid.</summary>
    public static string? EndpointProblem(IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return section[nameof(BounceListenerOptions.Endpoint)] is { } endpoint && !IPEndPoint.TryParse(endpoint, out _)
            ? $"'{endpoint}' is not an IP address and port, e.g. 127.0.0.1:2526"
            : null;
    }
}
