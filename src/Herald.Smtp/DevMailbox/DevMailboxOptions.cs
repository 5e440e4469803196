namespace Herald.Smtp.DevMailbox;

public sealed class DevMailboxOptions
{
    /// <summary>The port on 127.0.0.1; 0 picks a free one (read it back from <see cref="DevMailboxServer.Port"/>).</summary>
    public int Port { get; set; }

    /// <summary>How many messages are kept; the oldest is dropped first.</summary>
    public int Capacity { get; set; } = 1000;
}
