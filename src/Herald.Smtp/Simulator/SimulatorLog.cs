using Microsoft.Extensions.Logging;

namespace Herald.Smtp.Simulator;

internal static partial class SimulatorLog
{
    [LoggerMessage(4201, LogLevel.Information, "Bounce simulator on {EndPoint} for *@{Domain}")]
    public static partial void Listening(ILogger logger, string endPoint, string domain);

    [LoggerMessage(4202, LogLevel.Warning, "Bounce simulator could not send its {Case} report to {ReturnPath} (attempt {Attempt})")]
    public static partial void SendFailed(ILogger logger, Exception exception, SimulatedCase @case, string returnPath, int attempt);

    [LoggerMessage(4203, LogLevel.Warning, "Bounce simulator gave up its {Case} report to {ReturnPath}: {Reason}")]
    public static partial void GaveUp(ILogger logger, SimulatedCase @case, string returnPath, string reason);
}
