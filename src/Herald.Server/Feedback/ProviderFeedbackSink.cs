using System.Globalization;
using Herald.Bounces;
using Herald.Core.Delivery;
using Herald.Core.Feedback;
using Herald.Core.Inbound;
using Herald.Core.Messages;
using Herald.Core.Queue;

namespace Herald.Server.Feedback;

/// <summary>
/// Applies verified, de-duplicated provider events (SES, Mailgun) through the same policy as our own replies and DSNs:
/// the provider's diagnostic text goes through the classifier, so a Mimecast block reported by SES is still a gray box.
/// </summary>
internal sealed class ProviderFeedbackSink(IMessageStore store, FeedbackService feedback) : IProviderEventSink
{
    public async ValueTask HandleAsync(ProviderEvent providerEvent, CancellationToken cancellationToken)
    {
        var message = await FindAsync(providerEvent, cancellationToken);
        foreach (var reported in providerEvent.Recipients)
        {
            // The ledger is keyed by the canonical address, whatever spelling the provider reports it in; an
            // address that is not one (Herald could never have sent to it) concerns no ledger entry of ours.
            if (!AddressRules.IsSingleMailbox(reported.Address, out var canonical))
            {
                continue;
            }

            var recipient = reported with { Address = canonical };
            var signal = Signal(providerEvent, recipient, message?.Id);
            if (signal is null)
            {
                continue;
            }

            await feedback.RecordReportAsync(signal, message, providerEvent.Provider, cancellationToken);
        }
    }

    private async Task<StoredMessage?> FindAsync(ProviderEvent e, CancellationToken cancellationToken)
    {
        if (e.ReturnPath is { Length: > 0 } path && await store.FindByReturnPathAsync(AddressRules.LookupKey(path), cancellationToken) is { } byPath)
        {
            return byPath;
        }

        // Our Message-ID is "<id>@<domain>" (MessageFactory), so the provider's copy of the header names our message.
        var header = e.MessageIdHeader?.Trim('<', '>');
        return header is { Length: > 0 } && header.Split('@')[0] is { } id && id.StartsWith("msg_", StringComparison.Ordinal)
            ? await store.GetAsync(id, cancellationToken)
            : null;
    }

    private static FeedbackSignal? Signal(ProviderEvent e, ProviderRecipient r, string? messageId)
    {
        var at = e.Timestamp;
        switch (e.Kind)
        {
            case ProviderEventKind.Delivery:
                return new FeedbackSignal(r.Address, at, FeedbackKind.Delivered, messageId, null, false, e.Provider);
            case ProviderEventKind.Complaint:
                return new FeedbackSignal(r.Address, at, FeedbackKind.Complaint, messageId, null, false, e.Provider, Returned: true);
        }

        // SES "Suppressed"/"OnAccountSuppressionList", Mailgun "suppress-bounce"/"suppress-complaint": the provider itself
        // refused to send because of its own list; the evidence is that list.
        if (r.BounceSubType is "Suppressed" or "OnAccountSuppressionList" or "suppress-bounce" or "suppress-complaint")
        {
            var listed = Classify(r, permanent: true);
            return new FeedbackSignal(r.Address, at, FeedbackKind.ProviderSuppressed, messageId, listed, false, e.Provider, Returned: true);
        }

        var permanent = e.Kind == ProviderEventKind.Bounce
            && !string.Equals(r.BounceType, "Transient", StringComparison.OrdinalIgnoreCase)
            && !string.Equals(r.BounceType, "temporary", StringComparison.OrdinalIgnoreCase);
        return new FeedbackSignal(r.Address, at, FeedbackKind.Bounce, messageId, Classify(r, permanent), !permanent, e.Provider, Returned: true);
    }

    /// <summary>The provider's diagnostic as an SMTP reply ("smtp; 550 5.1.1 ..." per RFC 3464 Diagnostic-Code).</summary>
    private static BounceRecord? Classify(ProviderRecipient r, bool permanent)
    {
        var text = r.DiagnosticCode ?? r.Status ?? r.BounceSubType ?? "";
        var semicolon = text.IndexOf(';', StringComparison.Ordinal);
        if (semicolon is > 0 and < 12)
        {
            text = text[(semicolon + 1)..].Trim();
        }

        var code = text.Length >= 3 && int.TryParse(text.AsSpan(0, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : permanent ? 550 : 450;
        if (code is < 400 or > 599)
        {
            code = permanent ? 550 : 450;
        }

        var reply = SmtpReply.FromText(code, text.Length >= 3 && text[..3] == code.ToString(CultureInfo.InvariantCulture) ? text[3..].TrimStart() : text);
        if (reply.EnhancedStatus is null && r.Status is { Length: > 0 } status)
        {
            reply = reply with { EnhancedStatus = status };
        }

        var report = BounceClassifier.ClassifyReply(reply, r.Address);
        return report.Records.Count > 0 ? report.Records[0] : null;
    }
}
