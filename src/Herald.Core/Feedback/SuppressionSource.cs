namespace Herald.Core.Feedback;

/// <summary>Who decided a suspension: Herald's own policy, a provider's list, or an operator.</summary>
public enum SuppressionSource
{
    Policy,
    Provider,
    Operator,
}
