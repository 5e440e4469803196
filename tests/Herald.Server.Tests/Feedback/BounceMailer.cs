using System.Net;
using Herald.Server.Tests.Support;
using Herald.Smtp.Inbound;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Server.Tests.Feedback;

/// <summary>Delivers an email to the wired bounce listener of a running Herald over real SMTP, as a peer MTA would.</summary>
internal static class BounceMailer
{
    public static IPEndPoint ListenerOf(HeraldTestHost host) =>
        host.Services.GetRequiredService<BounceListener>().LocalEndPoint ?? throw new InvalidOperationException("listener not started");

    /// <returns>The listener's reply to the end of data.</returns>
    public static async Task<string> SendAsync(HeraldTestHost host, string returnPath, string email)
    {
        await using var raw = await RawSmtpClient.ConnectAsync(ListenerOf(host));
        await raw.OpenDataAsync("", returnPath);
        // Dot-stuffing (RFC 5321 4.5.2): none of the fixtures has a line starting with '.'.
        return await raw.CommandAsync(email.TrimEnd('\r', '\n') + "\r\n.");
    }

    public static async Task<string> ReturnPathOfAsync(HeraldTestHost host, string messageId) =>
        (await host.Store.GetAsync(messageId, default))!.ReturnPath;
}
