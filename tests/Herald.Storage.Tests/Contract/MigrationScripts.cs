using System.Globalization;
using System.Reflection;

namespace Herald.Storage.Tests.Contract;

/// <summary>The embedded <c>Migrations/NNNN_name.sql</c> scripts of a store's assembly, as its migrator reads them.</summary>
public static class MigrationScripts
{
    /// <summary>
    /// Versions that more than one script claims. Both migrators apply a script only when its version is above the
    /// recorded one, so a second script of the same version (two branches merged) would be skipped without a word.
    /// </summary>
    public static IReadOnlyList<string> SharedVersions(Assembly store) =>
        store.GetManifestResourceNames()
            .Where(n => n.StartsWith("Migrations/", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => n["Migrations/".Length..])
            .GroupBy(f => int.Parse(f.AsSpan(0, f.IndexOf('_', StringComparison.Ordinal)), CultureInfo.InvariantCulture))
            .Where(g => g.Count() > 1)
            .Select(g => string.Join(" and ", g))
            .ToList();
}
