namespace Herald.Server.Access;

/// <summary>
/// Whether anonymous calls are allowed: only in the quick start, where Herald delivers into its development mailbox
/// and listens on loopback only, so nothing it does reaches anyone but the person at this machine. Any route or any
/// other listen address, and every <c>/v1</c> call needs a key.
/// </summary>
/// <param name="Why">Said in the first log lines and in 401 answers.</param>
public sealed record AccessMode(bool QuickStart, string Why);
