using Herald.Core.Messages;

namespace Herald.Core.Feedback;

/// <summary>
/// The lifecycle of a domain incident, decided here only; the stores apply it inside the transaction that records the
/// block hit, the delivery or the sweep (as <see cref="SuppressionPolicy"/> is applied), so each change and its notice
/// commit together and happen once, whatever node saw it.
/// <list type="bullet">
/// <item>Opened when <see cref="BlockHit.MinAddresses"/> addresses of one domain hit the same block within the window:
/// <see cref="Opened"/>, once.</item>
/// <item>A hit of the same block while it is open joins it (last hit, address count, sample).</item>
/// <item>Closed when a message to the domain is delivered after its last hit (<see cref="IncidentCloseReason.Delivered"/>),
/// or when no hit came for the window (<see cref="IncidentCloseReason.Quiet"/>): <see cref="Closed"/>, once, with the reason.</item>
/// <item>A hit after that opens a new incident, again only once enough addresses hit it.</item>
/// </list>
/// </summary>
public static class IncidentLifecycle
{
    public const string Opened = "incident.opened";

    public const string Closed = "incident.closed";

    /// <summary>A fresh incident id.</summary>
    public static string NewId() => "inc_" + MessageFactory.RandomToken(16);

    /// <summary>
    /// From when hits count towards opening an incident: the window before the hit, but never before the block's last
    /// incident closed (those hits were that incident's evidence, and a delivery since showed the block lifted).
    /// </summary>
    /// <param name="lastClosedAt">When the latest closed incident of the hit's domain and signature closed, if any.</param>
    public static DateTimeOffset CountFrom(BlockHit hit, DateTimeOffset? lastClosedAt) =>
        lastClosedAt is { } closed && closed > hit.At - hit.Window ? closed : hit.At - hit.Window;

    /// <summary>One address hit a block.</summary>
    /// <param name="open">The open incident of the hit's domain and signature, if any.</param>
    /// <param name="addresses">Distinct addresses of the domain that hit this block since <see cref="CountFrom"/>, this one included.</param>
    /// <param name="firstHit">The earliest of those hits.</param>
    /// <param name="newId">The id of an incident opened by this hit.</param>
    public static IncidentStep Hit(DomainIncident? open, BlockHit hit, int addresses, DateTimeOffset firstHit, string newId)
    {
        var writes = new List<DomainIncident>();
        var notices = new List<IncidentNotice>();
        if (open is not null && Quiet(open, hit.At, hit.Window) is { } quiet)
        {
            // The sweep had not got to it yet: it closed when the window passed, before this hit.
            Close(quiet, writes, notices);
            open = null;
        }

        if (open is not null)
        {
            var joined = open with
            {
                LastAt = open.LastAt > hit.At ? open.LastAt : hit.At,
                Addresses = Math.Max(open.Addresses, addresses),
                Sample = hit.Sample,
            };
            writes.Add(joined);
            return new IncidentStep(joined.Id, writes, notices);
        }

        if (addresses < hit.MinAddresses)
        {
            return new IncidentStep(null, writes, notices);
        }

        var opened = new DomainIncident(newId, hit.Domain, hit.Signature, firstHit, hit.At, addresses, hit.Sample);
        writes.Add(opened);
        notices.Add(new IncidentNotice(Opened, hit.At, opened));
        return new IncidentStep(opened.Id, writes, notices);
    }

    /// <summary>
    /// A message to the domain was delivered: every open incident of the domain whose last hit came before it closes
    /// (one whose window had already passed closes as quiet, at the window's end: that came first).
    /// </summary>
    /// <param name="open">The domain's open incidents.</param>
    public static IncidentStep Delivered(IReadOnlyList<DomainIncident> open, DomainDelivery delivery)
    {
        var writes = new List<DomainIncident>();
        var notices = new List<IncidentNotice>();
        foreach (var incident in open.Where(i => i.State == IncidentState.Open))
        {
            if (Quiet(incident, delivery.At, delivery.Window) is { } quiet)
            {
                Close(quiet, writes, notices);
            }
            else if (incident.LastAt < delivery.At)
            {
                Close(incident with { ClosedAt = delivery.At, CloseReason = IncidentCloseReason.Delivered }, writes, notices);
            }
        }

        return new IncidentStep(null, writes, notices);
    }

    /// <summary>The periodic sweep at <paramref name="at"/>: open incidents with no hit for the window close as quiet.</summary>
    public static IncidentStep Sweep(IReadOnlyList<DomainIncident> open, DateTimeOffset at, TimeSpan window)
    {
        var writes = new List<DomainIncident>();
        var notices = new List<IncidentNotice>();
        foreach (var incident in open)
        {
            if (Quiet(incident, at, window) is { } quiet)
            {
                Close(quiet, writes, notices);
            }
        }

        return new IncidentStep(null, writes, notices);
    }

    /// <summary>The incident closed as quiet when its window passed, if it has passed by <paramref name="at"/>.</summary>
    private static DomainIncident? Quiet(DomainIncident incident, DateTimeOffset at, TimeSpan window) =>
        incident.ClosedAt is null && at - incident.LastAt >= window
            ? incident with { ClosedAt = incident.LastAt + window, CloseReason = IncidentCloseReason.Quiet }
            : null;

    private static void Close(DomainIncident closed, List<DomainIncident> writes, List<IncidentNotice> notices)
    {
        writes.Add(closed);
        notices.Add(new IncidentNotice(Closed, closed.ClosedAt!.Value, closed));
    }
}
