namespace Herald.Smtp.Simulator;

public sealed class SimulatorOptions
{
    /// <summary>The port on 127.0.0.1; 0 picks a free one (read it back from <see cref="SimulatorServer.Port"/>).</summary>
    public int Port { get; set; }

    /// <summary>
    /// How long after its 250 the simulator sends a DSN, an ARF report or an auto-reply back. Zero (the default) sends it
    /// before answering the 250, so Herald's listener stores the report before Herald stores the delivery: a receiving
    /// server may bounce at once, and the message must still end <c>bounced</c>. A delay (real servers take seconds to
    /// hours) shows the message <c>delivered</c> first, then corrected.
    /// </summary>
    public TimeSpan ReplyDelay { get; set; }
}
