using Herald.Core.Doctor;
using Herald.Core.Feedback;
using Herald.Core.Recipients;

namespace Herald.Server.Pages.Portal;

/// <summary>One address and whether Herald emails it (ok, the yellow box, or the gray box), and the doctor's causes.</summary>
/// <param name="Causes">Empty for the banner, which needs only the standing.</param>
public sealed record AddressState(ContactAddress Contact, Deliverability Status, IReadOnlyList<Cause> Causes);
