namespace Herald.Bounces;

/// <summary>Lowercase Sisimai names of <see cref="Reason"/> values ("userunknown", "mailboxfull", ...).</summary>
public static class ReasonNames
{
    private static readonly string[] Names = [.. Enum.GetValues<Reason>().Select(r => r.ToString().ToLowerInvariant())];

    // A plain dictionary: a frozen one JIT-compiles large generic code at start-up (Rules/StatusCodes).
    private static readonly Dictionary<string, Reason> ByName =
        Enum.GetValues<Reason>().ToDictionary(r => Names[(int)r], StringComparer.Ordinal);

    public static string Name(this Reason reason) => Names[(int)reason];

    public static bool TryParse(string name, out Reason reason) =>
        ByName.TryGetValue(name.Trim().ToLowerInvariant(), out reason);
}
