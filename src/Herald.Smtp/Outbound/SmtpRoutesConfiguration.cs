using System.Net;
using Microsoft.Extensions.Configuration;

namespace Herald.Smtp.Outbound;

/// <summary>
/// Mistakes in a section shaped like <see cref="SmtpRoutesOptions"/>, in words naming the setting, found before the
/// transport is built (which would otherwise fail on the first message, or at start-up with a stack trace). Values
/// the binder cannot convert at all (<c>"Kind": "Relai"</c>) are the caller's to report first.
/// </summary>
public static class SmtpRoutesConfiguration
{
    public static IEnumerable<string> Problems(IConfiguration section, string path)
    {
        ArgumentNullException.ThrowIfNull(section);
        var options = new SmtpRoutesOptions();
        section.Bind(options);
        if (!IsHostName(options.LocalDomain))
        {
            yield return $"{path}:LocalDomain: '{options.LocalDomain}' is not a host name for EHLO (RFC 5321 4.1.1.1), e.g. mta.example.com";
        }

        foreach (var (name, route) in options.Routes)
        {
            var at = $"{path}:Routes:{name}";
            if (route.Kind == SmtpRouteKind.Relay && string.IsNullOrWhiteSpace(route.Host))
            {
                yield return $"{at}:Host: a Relay route needs the relay's host name or address";
            }
            else if (route.Host is { Length: > 0 } host && !IsHost(host))
            {
                yield return $"{at}:Host: '{host}' is not a host name or IP address";
            }

            if (route.Port is < 1 or > 65535)
            {
                yield return $"{at}:Port: {route.Port} is not a TCP port (1 to 65535)";
            }

            if (route.Timeout <= TimeSpan.Zero || route.IdleTimeout <= TimeSpan.Zero || route.DnsTimeout <= TimeSpan.Zero)
            {
                yield return $"{at}: Timeout, IdleTimeout and DnsTimeout must be positive durations";
            }

            if (route.MaxConnections < 1)
            {
                yield return $"{at}:MaxConnections: must be at least 1";
            }

            // As DnsClientMxLookup reads it: an IP address, port 53 unless given.
            if (route.DnsServer is { Length: > 0 } dns && !IPEndPoint.TryParse(dns, out _))
            {
                yield return $"{at}:DnsServer: '{dns}' is not an IP address with an optional port, e.g. 192.0.2.53 or 192.0.2.53:5353";
            }
        }
    }

    /// <summary>A DNS name (RFC 1123 2.1) or an IPv4 or IPv6 address.</summary>
    public static bool IsHost(string? value) =>
        value is { Length: > 0 } && Uri.CheckHostName(value.Trim('[', ']')) is UriHostNameType.Dns or UriHostNameType.IPv4 or UriHostNameType.IPv6;

    private static bool IsHostName(string? value) => value is { Length: > 0 } && Uri.CheckHostName(value) == UriHostNameType.Dns;
}
