namespace Herald.Core.Feedback;

/// <summary>A message delivered to an address of <paramref name="Domain"/>: the store closes the domain's open incidents with it.</summary>
/// <param name="Window">The incident window (<see cref="SuppressionPolicyOptions.IncidentWindow"/>), to tell a quiet incident from a lifted one.</param>
public sealed record DomainDelivery(string Domain, DateTimeOffset At, TimeSpan Window);
