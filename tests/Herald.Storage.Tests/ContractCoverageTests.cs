using System.Reflection;
using Herald.Core.Queue;
using Herald.Storage.Sqlite;
using Herald.Storage.Tests.Contract;

namespace Herald.Storage.Tests;

/// <summary>
/// Keeps the contract suites complete: every Core interface the SQLite adapter implements is a storage port, and each of
/// its methods must be named by a <see cref="CoversAttribute"/> on a test of a suite for that port, which SQLite runs.
/// A method added to a port without a contract test fails here, not in production on the next store.
/// </summary>
public sealed class ContractCoverageTests
{
    private static readonly Assembly Core = typeof(IDeliveryQueue).Assembly;

    private static readonly Type[] Ports = typeof(SqliteStore).Assembly.GetExportedTypes()
        .SelectMany(t => t.GetInterfaces())
        .Where(i => i.Assembly == Core)
        .Distinct()
        .OrderBy(i => i.Name, StringComparer.Ordinal)
        .ToArray();

    private static readonly Type[] Suites = typeof(ContractCoverageTests).Assembly.GetTypes()
        .Where(t => t.GetCustomAttribute<ContractForAttribute>() is not null)
        .ToArray();

    [Fact]
    public void The_storage_ports_are_the_nine_known_ones() =>
        Ports.Select(p => p.Name).ShouldBe(["IApiKeyStore", "IDeliveryQueue", "IFeedbackStore", "IMessageStore", "IOperatorStore", "IPortalLinkStore", "IRecipientStore", "IReplayGuard", "IStoreHealth"]);

    [Fact]
    public void Every_method_of_every_storage_port_is_covered_by_a_contract_test()
    {
        var uncovered = Ports
            .SelectMany(port => port.GetMethods().Select(m => (Port: port, m.Name)))
            .Where(m => !Covered(m.Port).Contains(m.Name))
            .Select(m => $"{m.Port.Name}.{m.Name}")
            .Distinct()
            .ToList();

        uncovered.ShouldBeEmpty("add a contract test with [Covers(nameof(...))] to a suite marked [ContractFor(typeof(...))]");
    }

    [Fact]
    public void Covers_names_only_methods_of_its_suites_port_and_only_on_tests()
    {
        var wrong = Suites
            .SelectMany(suite => suite.GetMethods().Select(test => (Suite: suite, Test: test, Covers: test.GetCustomAttribute<CoversAttribute>())))
            .Where(x => x.Covers is not null)
            .Where(x => x.Test.GetCustomAttribute<FactAttribute>() is null
                || x.Covers!.Methods.Count == 0
                || x.Covers.Methods.Any(name => x.Suite.GetCustomAttribute<ContractForAttribute>()!.Port.GetMethods().All(m => m.Name != name)))
            .Select(x => $"{x.Suite.Name}.{x.Test.Name}")
            .ToList();

        wrong.ShouldBeEmpty();
    }

    [Fact]
    public void Every_test_of_a_suite_says_which_port_methods_it_covers()
    {
        var silent = Suites
            .SelectMany(suite => suite.GetMethods(BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly).Select(test => (Suite: suite, Test: test)))
            .Where(x => x.Test.GetCustomAttribute<FactAttribute>() is not null && x.Test.GetCustomAttribute<CoversAttribute>() is null)
            .Select(x => $"{x.Suite.Name}.{x.Test.Name}")
            .ToList();

        silent.ShouldBeEmpty();
    }

    [Fact]
    public void Every_suite_is_an_abstract_contract_that_SQLite_runs()
    {
        var notRun = Suites
            .Where(suite => !suite.IsAbstract || !suite.IsSubclassOf(typeof(StoreContract))
                || !typeof(ContractCoverageTests).Assembly.GetTypes().Any(t => !t.IsAbstract && t.IsSubclassOf(suite) && t.Name.StartsWith("Sqlite", StringComparison.Ordinal)))
            .Select(suite => suite.Name)
            .ToList();

        notRun.ShouldBeEmpty();
    }

    private static HashSet<string> Covered(Type port) => Suites
        .Where(suite => suite.GetCustomAttribute<ContractForAttribute>()!.Port == port)
        .SelectMany(suite => suite.GetMethods())
        .SelectMany(test => test.GetCustomAttribute<CoversAttribute>()?.Methods ?? [])
        .ToHashSet(StringComparer.Ordinal);
}
