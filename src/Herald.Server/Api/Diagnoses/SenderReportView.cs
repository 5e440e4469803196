using Herald.Core.Doctor;

namespace Herald.Server.Api.Diagnoses;

internal sealed record SenderReportView(bool Healthy, IReadOnlyList<CauseView> Causes, IReadOnlyList<string> Checked)
{
    public static SenderReportView From(SenderReport r) => new(r.Healthy, r.Causes.Select(CauseView.From).ToArray(), r.Checked);
}
