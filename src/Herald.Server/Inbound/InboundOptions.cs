using Herald.Smtp.Inbound;

namespace Herald.Server.Inbound;

/// <summary>
/// The server's own key in the <c>Herald:Inbound</c> section: whether <c>herald serve</c> starts the bounce listener.
/// The listener's settings in the same section (Endpoint, ServerName, limits) are <see cref="BounceListenerOptions"/>,
/// read by <see cref="BounceListenerConfiguration"/>.
/// </summary>
internal sealed class InboundOptions
{
    public bool Enabled { get; set; } = true;
}
