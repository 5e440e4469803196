using System.Collections.Concurrent;
using System.Net;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Herald.Smtp.Simulator;

/// <summary>The simulator's RCPT answers: the cases refused before DATA are refused here, as real servers do.</summary>
internal sealed class SimulatorMailboxFilter : IMailboxFilter
{
    private const int MaxTriplets = 10_000;

    private readonly ConcurrentDictionary<string, byte> _greylistSeen = new(StringComparer.OrdinalIgnoreCase);

    public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) =>
        Task.FromResult(true);

    public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
    {
        var address = to.AsAddress();
        if (!SimulatorAddresses.IsSimulated(address))
        {
            throw new SmtpResponseException(SimulatorReplies.RelayDenied);
        }

        switch (SimulatorAddresses.CaseOf(to.User))
        {
            case SimulatedCase.Unknown or SimulatedCase.HardBounce:
                throw new SmtpResponseException(SimulatorReplies.UnknownUser(address));
            case SimulatedCase.MailboxFull:
                throw new SmtpResponseException(SimulatorReplies.MailboxFull(address));
            case SimulatedCase.Blocklisted:
                throw new SmtpResponseException(SimulatorReplies.Blocklisted(ClientAddress(context)));
            case SimulatedCase.Greylisted when FirstSighting(from.AsAddress(), address):
                throw new SmtpResponseException(SimulatorReplies.Greylisted(address));
            default:
                return Task.FromResult(true);
        }
    }

    /// <summary>
    /// RFC 6647 section 2.2: the triplet is the client, the sender and the recipient. Herald's sender is a fresh VERP
    /// address per message, so sender and recipient alone already name one message, on whatever connection it comes.
    /// </summary>
    private bool FirstSighting(string sender, string recipient)
    {
        if (_greylistSeen.Count >= MaxTriplets)
        {
            // A development peer, not a database: forgetting everything only greylists some senders once more.
            _greylistSeen.Clear();
        }

        return _greylistSeen.TryAdd($"{sender} {recipient}", 0);
    }

    private static string ClientAddress(ISessionContext context) =>
        context.Properties.TryGetValue(EndpointListener.RemoteEndPointKey, out var remote) && remote is IPEndPoint ip
            ? ip.Address.ToString()
            : IPAddress.Loopback.ToString();
}
