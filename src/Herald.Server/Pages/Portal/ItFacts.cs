using Herald.Core.Doctor;

namespace Herald.Server.Pages.Portal;

/// <summary>The printable page for the user's IT department: the allowlist kit (the same one <c>herald doctor --kit</c> prints).</summary>
public sealed record ItFacts(AllowlistKit Kit, string Back);
