using Herald.Core.Doctor;
using Herald.Core.Feedback;

namespace Herald.Server.Doctor;

/// <summary>Builds the allowlist kit for an address: the configured sender, the domain's DNS, the last refusal.</summary>
internal sealed class KitReader(DoctorService doctor, SenderSetupReader setup, FeedbackService feedback)
{
    public async Task<AllowlistKit> ForAsync(string address, CancellationToken cancellationToken)
    {
        var domain = await doctor.ProbeAsync(AddressLedger.DomainOf(address), cancellationToken);
        var problem = (await feedback.DeliverabilityAsync(address, cancellationToken)).Ledger.Problem;
        return AllowlistKit.For(address, setup.Setup, domain, problem);
    }
}
