namespace Herald.Core.Access;

/// <summary>
/// What an API key may do: the one list of scopes, each endpoint requiring exactly one (see docs/access.md). Narrow
/// keys follow Postmark's server and account tokens and Stripe's restricted keys: an application's web tier that only
/// sends sign-in codes should hold a key that can do nothing else.
/// </summary>
public static class Scopes
{
    /// <summary>Submit messages.</summary>
    public const string Send = "send";

    /// <summary>Read messages, timelines and an address's deliverability status.</summary>
    public const string Read = "read";

    /// <summary>Recipients, preferences, unblock and verification on behalf of a signed-in user.</summary>
    public const string Recipients = "recipients";

    /// <summary>Suppressions (including lifting a complaint), incidents: support and operations.</summary>
    public const string Operator = "operator";

    /// <summary>Create, list and revoke API keys.</summary>
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Send, Read, Recipients, Operator, Admin];

    public static bool IsKnown(string scope) => All.Contains(scope, StringComparer.Ordinal);
}
