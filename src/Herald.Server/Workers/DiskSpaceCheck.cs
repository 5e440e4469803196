using Microsoft.Extensions.Logging;

namespace Herald.Server.Workers;

/// <summary>
/// Whether the data folder's file system has room: below <see cref="MinFreeBytes"/> the log warns (once per crossing)
/// and readiness turns false, so a load balancer moves traffic before writes start failing with a full disk. Read by the
/// <c>disk</c> health check and by the retention worker.
/// </summary>
internal sealed class DiskSpaceCheck(string folder, long minFreeBytes, ILogger<DiskSpaceCheck> logger, Func<string, long>? freeBytes = null)
{
    private readonly Func<string, long> _freeBytes = freeBytes ?? FreeBytesOf;
    private int _low;

    public long MinFreeBytes => minFreeBytes;

    /// <summary>True when free space is below the threshold (never with a threshold of 0); logs when that changes.</summary>
    public bool IsLow()
    {
        if (minFreeBytes <= 0)
        {
            return false;
        }

        var free = _freeBytes(folder);
        var low = free < minFreeBytes;
        if (Interlocked.Exchange(ref _low, low ? 1 : 0) != (low ? 1 : 0))
        {
            if (low)
            {
                LifecycleLog.DiskLow(logger, folder, free >> 20, minFreeBytes >> 20);
            }
            else
            {
                LifecycleLog.DiskRecovered(logger, folder, free >> 20);
            }
        }

        return low;
    }

    private static long FreeBytesOf(string folder)
    {
        try
        {
            return new DriveInfo(Path.GetFullPath(folder)).AvailableFreeSpace;
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
        {
            // Cannot tell (an unusual mount): say nothing rather than take Herald out of service.
            return long.MaxValue;
        }
    }
}
