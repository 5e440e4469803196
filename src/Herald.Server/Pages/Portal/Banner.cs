using Herald.Core.Feedback;
using Herald.Server.Pages.Common;

namespace Herald.Server.Pages.Portal;

/// <summary>"We're having trouble emailing you", decided from the addresses' standing (<see cref="Deliverability.ShowBanner"/>).</summary>
public sealed record Banner(bool Show, string Severity, string Text)
{
    public static Banner Of(IEnumerable<Deliverability> addresses)
    {
        var needing = addresses.Where(d => d.ShowBanner).ToList();
        if (needing.Count == 0)
        {
            return new Banner(false, "none", "");
        }

        var suspended = needing.Any(d => d.State == DeliverabilityState.Suspended);
        return new Banner(true, suspended ? "error" : "warning", PageText.BannerText(suspended ? DeliverabilityState.Suspended : DeliverabilityState.Problem));
    }
}
