using Herald.Core.Catalogue;

namespace Herald.Server.Recipients;

/// <param name="OptOut">Whether recipients may turn it off: only when every type in the category allows it.</param>
/// <param name="DefaultOn">What applies while the recipient never chose.</param>
/// <param name="Shown">How people see the category: display name, description, why it is locked.</param>
public sealed record CategoryRule(string Category, bool OptOut, bool DefaultOn, IReadOnlyList<string> Types, NotificationCategory Shown);
