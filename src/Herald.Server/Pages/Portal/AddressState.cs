using Herald.Core.Feedback;
using Herald.Core.Recipients;

namespace Herald.Server.Pages.Portal;

/// <summary>One address and whether Herald emails it (ok, the yellow box, or the gray box).</summary>
public sealed record AddressState(ContactAddress Contact, Deliverability Status);
