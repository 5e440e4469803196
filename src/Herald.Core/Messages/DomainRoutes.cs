namespace Herald.Core.Messages;

/// <summary>
/// Routes chosen by the recipient's domain ahead of the type's sender route: a domain that only one peer serves
/// (the bounce simulator's <c>.test</c> domain) goes to that peer's route whichever type is sent to it.
/// </summary>
public sealed class DomainRoutes
{
    private readonly Dictionary<string, string> _byDomain;

    public DomainRoutes(IReadOnlyDictionary<string, string> byDomain) =>
        _byDomain = new Dictionary<string, string>(byDomain, StringComparer.OrdinalIgnoreCase);

    public static DomainRoutes None { get; } = new(new Dictionary<string, string>());

    /// <summary>The route for a message to <paramref name="to"/> (a canonical address) whose type sends by <paramref name="senderRoute"/>.</summary>
    public string For(string to, string senderRoute)
    {
        var at = to.LastIndexOf('@');
        return at > 0 && _byDomain.TryGetValue(to[(at + 1)..], out var route) ? route : senderRoute;
    }
}
