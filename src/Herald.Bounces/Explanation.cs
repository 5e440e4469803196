namespace Herald.Bounces;

/// <summary>A plain-language account of a failure for a support agent, the recipient and their IT team.</summary>
public sealed record Explanation(string Summary, IReadOnlyList<string> RecipientSteps, IReadOnlyList<string> ItSteps);
