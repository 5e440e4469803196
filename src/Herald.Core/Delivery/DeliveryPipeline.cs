using System.Text.Json;
using Herald.Core.Catalogue;
using Herald.Core.Events;
using Herald.Core.Messages;
using Herald.Core.Queue;
using MimeKit;

namespace Herald.Core.Delivery;

/// <summary>
/// What happens to one claimed job, as named steps that may each end it (after Postal's
/// OutgoingMessageProcessor#process): stop if expired, stop if the type is gone, stop at a gate (suppressed, preference off), render into the layout (or fail at once if it cannot be), enrich, sign,
/// send, decide.
/// Returns the outcome and the transition for the store to apply; never throws for anything the network or server did.
/// </summary>
public sealed class DeliveryPipeline(
    NotificationCatalogue catalogue,
    IMessageSigner signer,
    ISmtpTransport transport,
    TimeProvider time,
    IEnumerable<ISendGate>? gates = null,
    IEnumerable<IMessageEnricher>? enrichers = null,
    Func<double>? jitter = null,
    ISettingsLinks? settingsLinks = null)
{
    /// <summary>What the timeline and the API say of a message the development mailbox took.</summary>
    public const string CaughtDetail = "caught by the development mailbox, not sent to anyone";

    private readonly ISendGate[] _gates = gates?.ToArray() ?? [];
    private readonly IMessageEnricher[] _enrichers = enrichers?.ToArray() ?? [];

    private readonly Func<double> _jitter = jitter ?? Random.Shared.NextDouble;

    public async Task<AttemptResult> ProcessAsync(DeliveryJob job, CancellationToken cancellationToken)
    {
        var message = job.Message;
        var started = time.GetUtcNow();
        if (started >= message.ExpiresAt)
        {
            return Final(job, new DeliveryOutcome.Expired(started, $"not sent: its time to live ended at {message.ExpiresAt:u}"), started, attempted: false);
        }

        var type = catalogue.Find(message.Type);
        if (type is null)
        {
            return Final(job, new DeliveryOutcome.Failed(null, $"not sent: type '{message.Type}' is no longer in the catalogue", null), started, attempted: false);
        }

        if (message.DataJson is null)
        {
            return Final(job, new DeliveryOutcome.Failed(null, "not sent: its template data was already purged", null), started, attempted: false);
        }

        // The gates and the footer's settings link each read the store (the address's ledger, the recipient) and none
        // needs another's answer: started together, an attempt waits for one round trip instead of one after the other
        // (on PostgreSQL every attempt read the ledger, then the recipient). The first gate in order that stops still decides.
        var links = catalogue.Layout is null || settingsLinks is null ? null : settingsLinks.ForAsync(message, cancellationToken).AsTask();
        var checks = Array.ConvertAll(_gates, gate => gate.CheckAsync(message, type, cancellationToken).AsTask());
        if (await FirstStopAsync(checks, links) is { } stop)
        {
            return Final(job, stop, started, attempted: false);
        }

        var frame = catalogue.Layout is null ? null : catalogue.Frame(type, links is null ? null : await links);
        if (Compose(message, type, frame, started, out var failure) is not { } mime)
        {
            return Final(job, failure!, started, attempted: false);
        }

        SmtpSendResult result;
        // MimeKit's parts own finalizable content streams: disposed here, not left to the finalizer thread, they die
        // young (a sampled profile of bench/delivery.sh found MimeContent.Finalize at up to 7 % of Herald's CPU).
        using (mime)
        {
            foreach (var enricher in _enrichers)
            {
                await enricher.EnrichAsync(mime, message, type, cancellationToken);
            }

            signer.Sign(mime);
            result = await transport.SendAsync(new OutgoingEmail(message.Route, message.ReturnPath, message.To, mime, message.Priority), cancellationToken);
        }

        var finished = time.GetUtcNow();
        var outcome = OutcomePolicy.Decide(result, job.Attempt, finished, message.ExpiresAt, _jitter(), message.To);
        return Final(job, outcome, started, attempted: true, finished);
    }

    /// <summary>
    /// The stop of the first gate in order that stops, once each gate before it has answered. A gate that fails after it
    /// changes nothing: the message is stopped as it was when the gates ran one by one and the later gate never ran.
    /// What is left running when a gate stops is observed, so a fault there is not an unobserved task exception.
    /// </summary>
    private static async Task<DeliveryOutcome?> FirstStopAsync(Task<GateDecision>[] checks, Task<string?>? links)
    {
        for (var i = 0; i < checks.Length; i++)
        {
            GateDecision decision;
            try
            {
                decision = await checks[i];
            }
            catch
            {
                Observe(checks.Skip(i + 1), links);
                throw;
            }

            if (decision.Stop is { } stop)
            {
                Observe(checks.Skip(i + 1), links);
                return stop;
            }
        }

        return null;
    }

    private static void Observe(IEnumerable<Task> left, Task? links)
    {
        foreach (var task in links is null ? left : left.Append(links))
        {
            _ = task.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
    }

    /// <summary>
    /// Renders and composes the email. Both depend only on the stored data and the catalogue, which no retry changes:
    /// a message that cannot be rendered now never will be (a value acceptance should have refused, a catalogue
    /// changed since), so it fails at once with the reason instead of failing every attempt until its TTL.
    /// </summary>
    private static MimeMessage? Compose(StoredMessage message, NotificationType type, LayoutFrame? frame, DateTimeOffset now, out DeliveryOutcome? failure)
    {
        try
        {
            RenderedContent content;
            using (var data = JsonDocument.Parse(message.DataJson!))
            {
                content = TemplateRenderer.Render(type, data.RootElement, message.To, frame);
            }

            failure = null;
            return MessageComposer.Compose(message, type, content, now);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            failure = new DeliveryOutcome.Failed(null, $"not sent: it cannot be rendered with type '{type.Key}' ({e.GetType().Name}: {e.Message})", null);
            return null;
        }
    }

    /// <summary>The transition for an outcome: an attempt event (when one was made) and the outcome's event.</summary>
    public static AttemptResult Final(DeliveryJob job, DeliveryOutcome outcome, DateTimeOffset started, bool attempted, DateTimeOffset? finished = null)
    {
        var id = job.Message.Id;
        var route = job.Message.Route;
        var at = finished ?? started;
        var events = new List<DeliveryEvent>(2);
        if (attempted)
        {
            events.Add(new DeliveryEvent(id, started, EventType.Attempt, job.Attempt, route));
        }

        events.Add(outcome switch
        {
            DeliveryOutcome.Delivered d => new DeliveryEvent(id, at, EventType.Delivered, job.Attempt, route, d.RemoteHost,
                d.Reply.Code, d.Reply.EnhancedStatus, d.Reply.Text, DurationMs: (long)d.Duration.TotalMilliseconds),
            DeliveryOutcome.Caught c => new DeliveryEvent(id, at, EventType.Caught, job.Attempt, route, c.RemoteHost,
                c.Reply.Code, c.Reply.EnhancedStatus, c.Reply.Text, DurationMs: (long)c.Duration.TotalMilliseconds, Detail: CaughtDetail),
            DeliveryOutcome.Deferred d => new DeliveryEvent(id, at, EventType.Deferred, job.Attempt, route, d.RemoteHost,
                d.Reply?.Code, d.Reply?.EnhancedStatus, d.Reply?.Text, d.RetryAt, Detail: d.Reason),
            DeliveryOutcome.Failed f => new DeliveryEvent(id, at, EventType.Failed, job.Attempt, route, f.RemoteHost,
                f.Reply?.Code, f.Reply?.EnhancedStatus, f.Reply?.Text, Detail: f.Reason),
            DeliveryOutcome.Expired e => new DeliveryEvent(id, at, EventType.Expired, attempted ? job.Attempt : null, route, Detail: e.Reason),
            DeliveryOutcome.Skipped s => new DeliveryEvent(id, at, EventType.Skipped, Detail: s.Reason),
            DeliveryOutcome.Suppressed s => new DeliveryEvent(id, at, EventType.Suppressed, Detail: s.Reason),
            _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
        });

        var status = outcome.Status;
        var next = outcome is DeliveryOutcome.Deferred deferred ? deferred.RetryAt : (DateTimeOffset?)null;
        return new AttemptResult(outcome, new JobTransition(status, next, events, PurgeSecrets: status.IsFinal()));
    }
}
