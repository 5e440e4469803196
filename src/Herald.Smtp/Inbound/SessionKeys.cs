using SmtpServer;

namespace Herald.Smtp.Inbound;

/// <summary>Per-session values kept in <see cref="ISessionContext.Properties"/>.</summary>
internal static class SessionKeys
{
    public const string RecipientCount = "herald.rcpt-count";
    public const string Connection = "herald.connection";

    public static string Remote(ISessionContext context) =>
        context.Properties.TryGetValue(SmtpServer.Net.EndpointListener.RemoteEndPointKey, out var remote)
            ? remote?.ToString() ?? "unknown"
            : "unknown";
}
