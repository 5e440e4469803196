using Herald.Core.Doctor;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Herald.Server.Doctor;

/// <summary>
/// In Production, the sender check runs once after start-up and logs each problem as a warning: a missing DKIM
/// record or an SPF that leaves out a route sends mail to spam folders silently, so the operator hears it on day one.
/// It runs in the background: a slow DNS never delays start-up, and a failure here never stops the service.
/// </summary>
internal sealed partial class SenderCheckAtStartup(SenderCheck check, SenderSetupReader setup, IHostEnvironment environment, ILogger<SenderCheckAtStartup> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!environment.IsProduction() || setup.Setup.Routes.Count == 0)
        {
            return;
        }

        try
        {
            var report = await check.CheckAsync(setup.Setup, stoppingToken);
            foreach (var cause in report.Causes)
            {
                LogProblem(cause.Code, cause.Summary, cause.NextStep);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(e);
        }
    }

    [LoggerMessage(EventId = 9001, Level = LogLevel.Warning, Message = "Sender check: {Code}: {Summary} Next step: {NextStep} (herald doctor --sender)")]
    private partial void LogProblem(string code, string summary, string nextStep);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Warning, Message = "Sender check could not run")]
    private partial void LogFailed(Exception exception);
}
