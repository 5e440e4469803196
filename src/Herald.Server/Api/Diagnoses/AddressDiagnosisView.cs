using Herald.Core.Doctor;

namespace Herald.Server.Api.Diagnoses;

/// <param name="LastDeliveredAt">When the latest message the receiving server accepted was created.</param>
internal sealed record AddressDiagnosisView(string Address, bool Healthy, DomainView? Domain, IReadOnlyList<CauseView> Causes, string? LastDeliveredId, DateTimeOffset? LastDeliveredAt)
{
    public static AddressDiagnosisView From(AddressDiagnosis a) =>
        new(a.Address, a.Causes.Count == 0, a.Domain is null ? null : DomainView.From(a.Domain), a.Causes.Select(CauseView.From).ToArray(),
            a.LastDelivery?.Id, a.LastDelivery?.CreatedAt);
}
