namespace Herald.Core.Recipients;

/// <summary>A recipient's stored choice for one category of the catalogue.</summary>
/// <param name="Source">Who changed it: <c>api</c> (the application) or <c>one-click</c> (a List-Unsubscribe POST).</param>
public sealed record Preference(string Category, bool Enabled, DateTimeOffset ChangedAt, string Source);
