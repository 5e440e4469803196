namespace Herald.Smtp.Inbound;

/// <summary>Whether a new connection gets a session slot, and if not, which limit it hit (each has its own 421).</summary>
internal enum GateVerdict
{
    Admitted,
    TooManyConnections,
    TooManyFromClient,
}
