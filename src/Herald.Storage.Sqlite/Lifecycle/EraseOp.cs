using Herald.Core.Lifecycle;

namespace Herald.Storage.Sqlite.Lifecycle;

/// <summary>
/// An erasure: fsynced (it is promised to the operator), and followed by the TRUNCATE checkpoint that wipes purged
/// secrets, so no old page image of the erased rows stays in the WAL (docs/storage.md, "Secrets gone from every file").
/// </summary>
internal sealed class EraseOp(Erasure erasure, CancellationToken cancellationToken) : WriteOp<ErasureReceipt>(cancellationToken)
{
    protected override ErasureReceipt Run(WriterSession session)
    {
        var receipt = ErasureRows.Erase(session.Connection, erasure);
        session.MarkWipe();
        return receipt;
    }
}
