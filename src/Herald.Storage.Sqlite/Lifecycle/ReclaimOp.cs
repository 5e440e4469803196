using System.Globalization;

namespace Herald.Storage.Sqlite.Lifecycle;

/// <summary>
/// Hands free pages back to the file system with <c>PRAGMA incremental_vacuum(N)</c> (sqlite.org/pragma.html) once more
/// than half of the file is free, down to a quarter, and at most <see cref="MaxPages"/> per call so the writer is not
/// held for long. In steady state a pruning pass frees what the next minutes of inserts reuse (interval / retention of
/// the file): giving that back only for the file to grow again costs writes for nothing (measured: with a quarter as the
/// threshold, the soak's 1-minute retention gave 11 MB back and regrew it every 10 s), so space goes back after a surge
/// or a shortened retention. Nothing happens on a database made with auto_vacuum NONE.
/// </summary>
internal sealed class ReclaimOp(CancellationToken cancellationToken) : WriteOp<long>(cancellationToken)
{
    public const int MaxPages = 4096;

    public override bool Durable => false;

    protected override long Run(WriterSession session)
    {
        var c = session.Connection;
        if (Pragma(c, "auto_vacuum") != 2)
        {
            return 0;
        }

        var free = Pragma(c, "freelist_count");
        var pages = Pragma(c, "page_count");
        if (free <= pages / 2)
        {
            return 0;
        }

        var release = Math.Min(MaxPages, free - pages / 4);
        if (release <= 0)
        {
            return 0;
        }

        RecipientRows.Execute(c, "PRAGMA incremental_vacuum(" + release.ToString(CultureInfo.InvariantCulture) + ")");
        return (free - Pragma(c, "freelist_count")) * Pragma(c, "page_size");
    }

    internal static long Pragma(Microsoft.Data.Sqlite.SqliteConnection c, string name) =>
        Convert.ToInt64(RecipientRows.Scalar(c, "PRAGMA " + name), CultureInfo.InvariantCulture);
}
