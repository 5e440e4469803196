using Herald.Smtp.Inbound;
using Herald.Smtp.Outbound;
using Microsoft.Extensions.Configuration;

namespace Herald.Server.Inbound;

/// <summary>Mistakes in <c>Herald:Inbound</c> (the bounce listener), in words naming the setting, checked only when it is enabled.</summary>
internal static class InboundConfiguration
{
    /// <summary>Whether this node runs the listener: enabled (the default) and the node has the inbound role.</summary>
    public static bool Runs(IConfiguration configuration) =>
        (configuration.GetSection("Herald:Inbound").Get<InboundOptions>() ?? new InboundOptions()).Enabled
        && Configuration.NodeRoles.From(configuration).Inbound;

    public static IEnumerable<string> Check(IConfiguration configuration)
    {
        var inbound = configuration.GetSection("Herald:Inbound");
        if (!Runs(configuration))
        {
            yield break;
        }

        if (BounceListenerConfiguration.EndpointProblem(inbound) is { } problem)
        {
            yield return $"Herald:Inbound:Endpoint: {problem}";
        }

        var o = inbound.Get<BounceListenerOptions>() ?? new BounceListenerOptions();
        if (!SmtpRoutesConfiguration.IsHost(o.ServerName))
        {
            yield return $"Herald:Inbound:ServerName: '{o.ServerName}' is not a host name for the greeting";
        }

        // RFC 5321 4.5.3.1.7 and 4.5.3.1.6: a server must take messages of 64K octets and lines of 1000 octets.
        if (o.MaxMessageSize < 64 * 1024)
        {
            yield return "Herald:Inbound:MaxMessageSize: must be at least 65536 bytes (RFC 5321 4.5.3.1.7)";
        }

        if (o.MaxLineLength < 1000)
        {
            yield return "Herald:Inbound:MaxLineLength: must be at least 1000 (RFC 5321 4.5.3.1.6)";
        }

        if (o.MaxRecipients < 1 || o.MaxConnections < 1 || o.MaxConnectionsPerClient < 1 || o.MaxErrors < 1)
        {
            yield return "Herald:Inbound: MaxRecipients, MaxConnections, MaxConnectionsPerClient and MaxErrors must be at least 1";
        }

        if (BounceListenerConfiguration.CertificateProblem(inbound) is { } tls)
        {
            yield return $"Herald:Inbound:{BounceListenerConfiguration.CertificateFile}: {tls}";
        }

        if (o.SessionTimeout <= TimeSpan.Zero || o.CommandTimeout <= TimeSpan.Zero)
        {
            yield return "Herald:Inbound: SessionTimeout and CommandTimeout must be positive durations";
        }
    }
}
