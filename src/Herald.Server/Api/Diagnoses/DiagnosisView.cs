using Herald.Core.Doctor;

namespace Herald.Server.Api.Diagnoses;

/// <summary>The doctor's report: <c>healthy</c> is false when any address has a cause; causes are ranked, the first blocks the rest.</summary>
internal sealed record DiagnosisView(string Subject, string? RecipientId, bool Healthy, IReadOnlyList<AddressDiagnosisView> Addresses)
{
    public static DiagnosisView From(Diagnosis d) => new(d.Subject, d.RecipientId, d.Healthy, d.Addresses.Select(AddressDiagnosisView.From).ToArray());
}
