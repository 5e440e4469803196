namespace Herald.Core.Feedback;

/// <summary>Whether the owner may lift a suspension now; when not, why and from when (null: only an operator can).</summary>
public sealed record UnblockVerdict(bool Allowed, string? Refusal, DateTimeOffset? NotBefore)
{
    public static UnblockVerdict Yes { get; } = new(true, null, null);
}
