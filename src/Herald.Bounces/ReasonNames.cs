namespace Herald.Bounces;

/// <summary>Lowercase Sisimai names of <see cref="Reason"/> values ("userunknown", "mailboxfull", ...).</summary>
public static class ReasonNames
{
    // Loops over the non-generic Type.GetEnumNames, not Enum.GetValues<Reason>().Select(...).ToDictionary(...): those generic
    // methods over our enum are in no ReadyToRun image and were JIT-compiled by every `herald` call (ReasonTable).
    private static readonly string[] Names = Lowered(typeof(Reason).GetEnumNames());

    private static readonly ReasonTable ByName = Table(Names);

    public static string Name(this Reason reason) => Names[(int)reason];

    public static bool TryParse(string name, out Reason reason) =>
        ByName.TryGetValue(name.Trim().ToLowerInvariant(), out reason);

    // GetEnumNames lists the names in value order, and Reason's values are 0, 1, 2, ...
    private static string[] Lowered(string[] names)
    {
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = names[i].ToLowerInvariant();
        }

        return names;
    }

    private static ReasonTable Table(string[] names)
    {
        var table = new ReasonTable();
        for (var i = 0; i < names.Length; i++)
        {
            table[names[i]] = (Reason)i;
        }

        return table;
    }
}
