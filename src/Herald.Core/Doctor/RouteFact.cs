namespace Herald.Core.Doctor;

/// <summary>A configured route.</summary>
/// <param name="Host">The relay's host for a relay route; null for a direct route (it sends from this machine's addresses).</param>
public sealed record RouteFact(string Name, bool Direct, string? Host);
