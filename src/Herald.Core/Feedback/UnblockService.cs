using System.Text.Json;
using Herald.Core.Messages;
using Herald.Core.Queue;

namespace Herald.Core.Feedback;

/// <summary>
/// What the owner of an address may do from the yellow box: lift the suspension (within the unblock limits), which
/// sends one deliverability probe, or ask for another probe. A probe is one email that checks Herald can reach an
/// address again; it is not the validation link of <c>Recipients</c> ("verification"), which proves a person owns an
/// address. It goes through the one intake, and its id is recorded on the address so its delivery or bounce is tied
/// to the unblock.
/// </summary>
/// <param name="probeType">The catalogue type of the probe email (Herald:Feedback:ProbeType).</param>
public sealed class UnblockService(FeedbackService feedback, MessageIntake intake, IMessageStore messages, string probeType)
{
    /// <summary>Why a probe is refused for an address Herald never sent to.</summary>
    public const string NeverSent = "Herald has sent nothing to this address: a deliverability probe goes only to an address Herald has sent to";

    private static readonly JsonElement NoData = JsonDocument.Parse("{}").RootElement;

    /// <param name="caller">How the audit names the application that asked for its user ("key:web-app").</param>
    /// <returns>The verdict and, when allowed, the probe's message id.</returns>
    public async Task<(UnblockVerdict Verdict, string? MessageId)> UnblockAsync(string address, string caller, CancellationToken cancellationToken)
    {
        var actor = Owner(caller);
        var verdict = await feedback.UnblockAsync(address, actor, cancellationToken);
        return verdict.Allowed ? (verdict, await SendProbeAsync(address, actor, cancellationToken)) : (verdict, null);
    }

    /// <summary>
    /// Another probe, for an address Herald has sent to only: the route would otherwise mail any address anyone names
    /// (issue 16). An address with no message on record gets <see cref="NeverSent"/>, without a date.
    /// </summary>
    /// <param name="caller">How the audit names the application that asked for its user ("key:web-app").</param>
    /// <returns>The verdict and, when allowed, the probe's message id.</returns>
    public async Task<(UnblockVerdict Verdict, string? MessageId)> ProbeAsync(string address, string caller, CancellationToken cancellationToken)
    {
        if ((await messages.ListByRecipientAsync(address, 1, null, cancellationToken)).Items.Count == 0)
        {
            return (new UnblockVerdict(false, NeverSent, null), null);
        }

        var verdict = await feedback.ProbeVerdictAsync(address, cancellationToken);
        return verdict.Allowed ? (verdict, await SendProbeAsync(address, Owner(caller), cancellationToken)) : (verdict, null);
    }

    /// <summary>The owner acts through the application, whose key the audit names too.</summary>
    private static string Owner(string caller) => $"owner via {caller}";

    private async Task<string> SendProbeAsync(string address, string actor, CancellationToken cancellationToken)
    {
        var message = await intake.SubmitOwnAsync(new SubmitRequest(probeType, address, NoData, null),
            $"deliverability probe ({actor})", "Herald:Feedback:ProbeType", cancellationToken);
        await feedback.ProbeSentAsync(address, message.Id, actor, cancellationToken);
        return message.Id;
    }
}
