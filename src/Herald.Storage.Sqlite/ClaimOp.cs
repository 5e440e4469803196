using Herald.Core.Queue;

namespace Herald.Storage.Sqlite;

internal sealed class ClaimOp(ClaimRequest request, CancellationToken cancellationToken)
    : WriteOp<IReadOnlyList<DeliveryJob>>(cancellationToken)
{
    /// <summary>Lost on power failure, this only means the message is sent again (at least once, same Message-ID).</summary>
    public override bool Durable => false;

    protected override IReadOnlyList<DeliveryJob> Run(WriterSession session) => session.Claim.Run(request);
}
