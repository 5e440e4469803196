using Herald.Core.Doctor;
using Herald.Core.Feedback;

namespace Herald.Server.Api.Diagnoses;

/// <param name="Actor">Who must act: recipient, recipient-it, sender or nobody.</param>
internal sealed record CauseView(string Code, string Actor, string Summary, string NextStep, string? Evidence)
{
    public static CauseView From(Cause c) => new(c.Code, c.Actor.ToWire(), c.Summary, c.NextStep, c.Evidence);
}
