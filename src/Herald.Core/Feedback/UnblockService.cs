using System.Text.Json;
using Herald.Core.Messages;

namespace Herald.Core.Feedback;

/// <summary>
/// What the owner of an address may do from the yellow box: lift the suspension (within the unblock limits) and get
/// a verification email, or ask for another one. The email goes through the one intake, and its id is recorded on the
/// address so its delivery or bounce is tied to the unblock.
/// </summary>
/// <param name="verificationType">The catalogue type of the verification email (Herald:Feedback:VerificationType).</param>
public sealed class UnblockService(FeedbackService feedback, MessageIntake intake, string verificationType)
{
    private static readonly JsonElement NoData = JsonDocument.Parse("{}").RootElement;

    /// <param name="caller">How the audit names the application that asked for its user ("key:web-app").</param>
    /// <returns>The verdict and, when allowed, the verification email's message id.</returns>
    public async Task<(UnblockVerdict Verdict, string? MessageId)> UnblockAsync(string address, string caller, CancellationToken cancellationToken)
    {
        var actor = Owner(caller);
        var verdict = await feedback.UnblockAsync(address, actor, cancellationToken);
        return verdict.Allowed ? (verdict, await SendVerificationAsync(address, actor, cancellationToken)) : (verdict, null);
    }

    /// <param name="caller">How the audit names the application that asked for its user ("key:web-app").</param>
    /// <returns>The verdict and, when allowed, the verification email's message id.</returns>
    public async Task<(UnblockVerdict Verdict, string? MessageId)> ResendVerificationAsync(string address, string caller, CancellationToken cancellationToken)
    {
        var verdict = await feedback.VerificationVerdictAsync(address, cancellationToken);
        return verdict.Allowed ? (verdict, await SendVerificationAsync(address, Owner(caller), cancellationToken)) : (verdict, null);
    }

    /// <summary>The owner acts through the application, whose key the audit names too.</summary>
    private static string Owner(string caller) => $"owner via {caller}";

    private async Task<string> SendVerificationAsync(string address, string actor, CancellationToken cancellationToken)
    {
        var message = await intake.SubmitOwnAsync(new SubmitRequest(verificationType, address, NoData, null),
            $"verification email ({actor})", "Herald:Feedback:VerificationType", cancellationToken);
        await feedback.VerificationSentAsync(address, message.Id, actor, cancellationToken);
        return message.Id;
    }
}
