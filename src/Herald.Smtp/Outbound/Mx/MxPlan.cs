using Herald.Core.Delivery;

namespace Herald.Smtp.Outbound.Mx;

/// <summary>The hosts to try in order, or why there are none.</summary>
internal abstract record MxPlan
{
    private MxPlan() { }

    public sealed record Hosts(IReadOnlyList<string> Names) : MxPlan;

    public sealed record Failure(TransportFailureKind Kind, string Detail) : MxPlan;
}
