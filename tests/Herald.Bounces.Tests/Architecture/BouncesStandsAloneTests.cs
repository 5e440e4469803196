using System.Reflection;

namespace Herald.Bounces.Tests.Architecture;

/// <summary>
/// Herald.Bounces is a library other .NET programs use on their own: it needs MimeKit and the runtime, nothing of
/// Herald's and no IO (no sockets, SQL, HTTP or ASP.NET).
/// </summary>
public sealed class BouncesStandsAloneTests
{
    private static readonly Assembly Library = typeof(BounceClassifier).Assembly;

    [Fact]
    public void Herald_Bounces_references_only_the_runtime_and_MimeKit()
    {
        var references = Library.GetReferencedAssemblies().Select(a => a.Name!).ToArray();
        references.ShouldContain("MimeKit");
        var others = references.Where(n => n != "MimeKit" && n != "netstandard" && !n.StartsWith("System.", StringComparison.Ordinal)).ToArray();
        others.ShouldBeEmpty();
        references.ShouldNotContain(n => n.StartsWith("System.Net.Sockets", StringComparison.Ordinal) || n.StartsWith("System.Net.Http", StringComparison.Ordinal)
            || n.StartsWith("System.Data", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_type_lives_in_the_namespace_of_its_folder()
    {
        var outside = Library.GetTypes()
            .Where(t => t.Namespace is { } ns && !ns.StartsWith("Herald.Bounces", StringComparison.Ordinal) && !ns.StartsWith("System", StringComparison.Ordinal)
                && !ns.StartsWith("Microsoft", StringComparison.Ordinal))
            .Select(t => t.FullName)
            .ToArray();
        outside.ShouldBeEmpty();
    }
}
