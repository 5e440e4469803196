using Herald.Core.Feedback;
using Herald.Server.Pages.Common;

namespace Herald.Server.Pages.Console;

/// <summary>The console: the search, the one pane of what was found, and the open domain incidents.</summary>
public sealed record ConsoleModel(string Operator, string? Query, ConsolePane? Pane, IReadOnlyList<DomainIncident> Incidents, PageNotice? Notice = null);
