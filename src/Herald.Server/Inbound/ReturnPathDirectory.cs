using Herald.Core.Inbound;
using Herald.Core.Messages;
using Herald.Core.Queue;

namespace Herald.Server.Inbound;

/// <summary>A RCPT is accepted only for a Return-Path of a message in the store (so the listener is never a relay).</summary>
internal sealed class ReturnPathDirectory(IMessageStore store) : IReturnPathDirectory
{
    public async ValueTask<bool> IsKnownAsync(string address, CancellationToken cancellationToken) =>
        await store.FindByReturnPathAsync(AddressRules.LookupKey(address), cancellationToken) is not null;
}
