namespace Herald.Testing.Smtp;

/// <param name="Connection">1-based number of the connection on this server.</param>
/// <param name="Verb">The command verb upper-cased, "CONNECT" for the greeting, "." for the end of DATA.</param>
/// <param name="Count">How many times this verb was seen on this server, this one included.</param>
internal sealed record ScriptedCommand(int Connection, string Verb, string Line, int Count);
