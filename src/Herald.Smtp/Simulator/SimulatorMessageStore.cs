using System.Buffers;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Herald.Smtp.Simulator;

/// <summary>
/// The simulator's end of DATA: the gateway refuses after reading the headers (as a header-based policy must), the
/// others are accepted and, where a report follows, handed to the <see cref="SimulatorMailer"/>. With no reply delay the
/// report is sent and taken by Herald's listener before the 250 is answered, so it is stored before Herald stores the
/// delivery: the hardest order for the sender, which must still end with the reported status (ReportedStatus in Core).
/// </summary>
internal sealed class SimulatorMessageStore(SimulatorMailer mailer, SimulatorOptions options, TimeProvider time) : MessageStore
{
    public override async Task<SmtpResponse> SaveAsync(
        ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        var cases = transaction.To.Select(to => (Address: to.AsAddress(), Case: SimulatorAddresses.CaseOf(to.User))).ToList();
        if (cases.Any(c => c.Case == SimulatedCase.GatewayBlock))
        {
            return SimulatorReplies.GatewayBlock;
        }

        var now = time.GetUtcNow();
        var queueId = Guid.CreateVersion7(now).ToString("N")[..12].ToUpperInvariant();
        var returnPath = transaction.From is { User.Length: > 0 } from ? from.AsAddress() : string.Empty;
        var headers = HeaderBlock(buffer.ToArray());
        foreach (var (address, simulated) in cases)
        {
            // RFC 3464 section 2 and RFC 3834 section 3.3: nothing goes back to a null reverse-path.
            if (returnPath.Length > 0 && simulated is SimulatedCase.LateBounce or SimulatedCase.Complaint or SimulatedCase.AutoReply)
            {
                var followUp = new FollowUp(simulated, returnPath, address, queueId, headers, now);
                if (options.ReplyDelay == TimeSpan.Zero)
                {
                    await mailer.SendAsync(followUp, cancellationToken);
                }
                else
                {
                    mailer.Enqueue(followUp);
                }
            }
        }

        return SimulatorReplies.Queued(queueId);
    }

    /// <summary>The header block up to and including the blank line that ends it (RFC 5322 section 2.1).</summary>
    private static byte[] HeaderBlock(byte[] raw)
    {
        var end = raw.AsSpan().IndexOf("\r\n\r\n"u8);
        return end < 0 ? raw : raw[..(end + 4)];
    }
}
