namespace Herald.Smtp.Simulator;

public sealed class SimulatorOptions
{
    /// <summary>The port on 127.0.0.1; 0 picks a free one (read it back from <see cref="SimulatorServer.Port"/>).</summary>
    public int Port { get; set; }

    /// <summary>
    /// How long after its 250 the simulator sends a DSN, an ARF report or an auto-reply back. Real servers take seconds
    /// to hours; a report that arrived before Herald stored the delivery could not correct the message's status.
    /// </summary>
    public TimeSpan ReplyDelay { get; set; } = TimeSpan.FromSeconds(2);
}
