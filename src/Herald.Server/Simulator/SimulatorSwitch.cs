namespace Herald.Server.Simulator;

/// <summary>
/// The server's own key in <c>Herald:Simulator</c>: whether <c>herald serve</c> runs the bounce simulator. Unset, it runs
/// in the Development environment (when the inbound listener runs, which its reports need) and nowhere else. The
/// simulator's own settings in the same section (Port, ReplyDelay) are <see cref="Herald.Smtp.Simulator.SimulatorOptions"/>.
/// </summary>
internal sealed class SimulatorSwitch
{
    public bool? Enabled { get; set; }
}
