using Herald.Core.Queue;

namespace Herald.Storage.Sqlite;

internal sealed class ClaimOp(ClaimRequest request, CancellationToken cancellationToken)
    : WriteOp<IReadOnlyList<DeliveryJob>>(cancellationToken)
{
    protected override IReadOnlyList<DeliveryJob> Run(WriterSession session) => session.Claim.Run(request);
}
