namespace Herald.Core.Feedback;

/// <summary>
/// One address hitting a block (gateway, blocklist, DMARC) with a given signature. When enough addresses of one domain
/// hit the same signature within the window, the store opens one domain incident instead of blaming each user.
/// </summary>
/// <param name="Signature">What makes two blocks "the same": scenario, named party and reply code.</param>
/// <param name="Sample">The raw reply, kept on the incident as its evidence.</param>
public sealed record BlockHit(string Domain, string Signature, string Address, DateTimeOffset At, TimeSpan Window, int MinAddresses, string Sample);
