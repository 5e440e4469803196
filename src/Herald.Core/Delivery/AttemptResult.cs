using Herald.Core.Queue;

namespace Herald.Core.Delivery;

/// <summary>What the pipeline decided (for observers) and what the store must apply.</summary>
public sealed record AttemptResult(DeliveryOutcome Outcome, JobTransition Transition);
