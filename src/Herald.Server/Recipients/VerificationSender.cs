using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Herald.Server.Recipients;

/// <summary>
/// Sends the verification emails of requests <see cref="Verifications"/> already answered, in the order they came (a
/// newer link replaces the older one). One failure is logged and skipped; the owner can ask again.
/// </summary>
internal sealed partial class VerificationSender(Verifications verifications, ILogger<VerificationSender> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var request in verifications.Pending.ReadAllAsync(stoppingToken))
            {
                await SendAsync(request, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the requests already answered 202 are still sent below, within the host's shutdown time.
        }

        while (verifications.Pending.TryRead(out var request))
        {
            await SendAsync(request, CancellationToken.None);
        }
    }

    private async Task SendAsync(PendingVerification request, CancellationToken cancellationToken)
    {
        try
        {
            await verifications.SendPendingAsync(request, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            // A broken store or a bug for this one request: the owner can ask again; the others must still go.
            LogFailed(logger, e, request.RecipientId);
        }
    }

    [LoggerMessage(1, LogLevel.Error, "The verification email for recipient {Recipient} could not be sent")]
    private static partial void LogFailed(ILogger logger, Exception exception, string recipient);
}
