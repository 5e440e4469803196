using Herald.Core.Inbound;

namespace Herald.Smtp.Tests.Inbound;

internal sealed class SetDirectory(params string[] known) : IReturnPathDirectory
{
    private readonly HashSet<string> _known = new(known, StringComparer.OrdinalIgnoreCase);

    public ValueTask<bool> IsKnownAsync(string address, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_known.Contains(address));
}
