using System.Collections.Concurrent;
using Herald.Core.Inbound;

namespace Herald.Smtp.Tests.Inbound;

internal sealed class RecordingSink : IInboundMailSink
{
    public ConcurrentQueue<InboundMail> Received { get; } = new();

    public Func<InboundMail, ValueTask<InboundResult>>? Behaviour { get; set; }

    public async ValueTask<InboundResult> AcceptAsync(InboundMail mail, CancellationToken cancellationToken)
    {
        var result = Behaviour is null ? InboundResult.Accepted : await Behaviour(mail);
        Received.Enqueue(mail);
        return result;
    }
}
