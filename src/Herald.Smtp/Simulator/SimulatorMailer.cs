using System.Net;
using System.Threading.Channels;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace Herald.Smtp.Simulator;

/// <summary>
/// Sends the simulator's reports as a receiving MTA would: over SMTP to the server that takes mail for the
/// Return-Path's domain, which for Herald's bounce domain is its own inbound listener. A report the listener does not
/// take now (not started, 4xx) is tried again, as an MTA queue would; a 5xx is final.
/// </summary>
internal sealed class SimulatorMailer(SimulatorOptions options, Func<IPEndPoint?> feedbackEndpoint, TimeProvider time, ILogger logger)
{
    private const int MaxAttempts = 5;

    private readonly Channel<FollowUp> _queue = Channel.CreateUnbounded<FollowUp>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(FollowUp followUp) => _queue.Writer.TryWrite(followUp);

    /// <summary>Runs until <paramref name="stopping"/> is cancelled; reports still waiting then are dropped, as a development peer may.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        try
        {
            await foreach (var followUp in _queue.Reader.ReadAllAsync(stopping))
            {
                var wait = followUp.ArrivedAt + options.ReplyDelay - time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, stopping);
                }

                await SendAsync(followUp, stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    /// <summary>Sends one report now, retrying as an MTA queue would; one that cannot be sent is logged and given up.</summary>
    public async Task SendAsync(FollowUp followUp, CancellationToken cancellationToken)
    {
        try
        {
            await DeliverAsync(followUp, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One report that cannot be built or sent (a bug, an error MailKit did not list) is given up, logged and
            // the queue goes on: a worker never dies from one bad item.
            SimulatorLog.GaveUp(logger, followUp.Case, followUp.ReturnPath, e.ToString());
        }
    }

    private async Task DeliverAsync(FollowUp followUp, CancellationToken stopping)
    {
        var message = SimulatorReports.For(followUp, time.GetUtcNow());
        // RFC 3464 section 2 and RFC 3834 section 3.3: DSNs and auto-replies go out with the null reverse-path so that
        // they never cause a reply themselves; a feedback loop sends from its own address (RFC 6449 section 3.5).
        var sender = followUp.Case == SimulatedCase.Complaint ? message.From.Mailboxes.First().Address : string.Empty;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            try
            {
                var endpoint = feedbackEndpoint() ?? throw new ServiceNotConnectedException("the inbound listener is not listening yet");
                using var client = new SmtpClient();
                await client.ConnectAsync(Loopback(endpoint).ToString(), endpoint.Port, SecureSocketOptions.None, stopping);
                await client.SendAsync(message, new MailboxAddress(string.Empty, sender), [new MailboxAddress(string.Empty, followUp.ReturnPath)], stopping);
                await client.DisconnectAsync(quit: true, stopping);
                return;
            }
            catch (SmtpCommandException e) when ((int)e.StatusCode >= 500)
            {
                SimulatorLog.GaveUp(logger, followUp.Case, followUp.ReturnPath, e.Message);
                return;
            }
            catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException)
            {
                SimulatorLog.SendFailed(logger, e, followUp.Case, followUp.ReturnPath, attempt);
                await Task.Delay(TimeSpan.FromSeconds(attempt), time, stopping);
            }
        }

        SimulatorLog.GaveUp(logger, followUp.Case, followUp.ReturnPath, $"{MaxAttempts} attempts failed");
    }

    /// <summary>A listener bound to every address is reached on loopback: the simulator never leaves this machine.</summary>
    private static IPAddress Loopback(IPEndPoint endpoint) =>
        endpoint.Address.Equals(IPAddress.Any) ? IPAddress.Loopback
        : endpoint.Address.Equals(IPAddress.IPv6Any) ? IPAddress.IPv6Loopback
        : endpoint.Address;
}
