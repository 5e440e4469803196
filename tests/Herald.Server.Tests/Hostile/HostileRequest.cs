namespace Herald.Server.Tests.Hostile;

/// <summary>One generated request: what to send, and in words how it was made (printed when it gets a wrong answer).</summary>
internal sealed record HostileRequest(string Method, string Path, byte[]? Body, string? ContentType, string Label);
