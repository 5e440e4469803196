using Microsoft.Extensions.Logging;

namespace Herald.Server.Workers;

internal static partial class LifecycleLog
{
    [LoggerMessage(1701, LogLevel.Warning, "The data folder {Folder} has {FreeMiB} MiB free, below Herald:Retention:MinFreeDiskBytes ({MinMiB} MiB): " +
        "not ready until space is freed (shorten retention, or grow the disk)")]
    public static partial void DiskLow(ILogger logger, string folder, long freeMiB, long minMiB);

    [LoggerMessage(1702, LogLevel.Information, "The data folder {Folder} has {FreeMiB} MiB free again")]
    public static partial void DiskRecovered(ILogger logger, string folder, long freeMiB);

    [LoggerMessage(1703, LogLevel.Error, "A retention pass failed; the next one runs in {Interval}")]
    public static partial void PassFailed(ILogger logger, Exception exception, TimeSpan interval);

    [LoggerMessage(1704, LogLevel.Information, "Retention removed {Total} rows ({Tables}) and gave {ReleasedKiB} KiB back to the file system")]
    public static partial void Pruned(ILogger logger, long total, string tables, long releasedKiB);

    [LoggerMessage(1705, LogLevel.Error, "Closing quiet domain incidents failed; the next try runs in {Interval}")]
    public static partial void SweepFailed(ILogger logger, Exception exception, TimeSpan interval);

    [LoggerMessage(1706, LogLevel.Information, "Closed {Count} domain incidents with no block for the incident window")]
    public static partial void IncidentsClosed(ILogger logger, int count);
}
