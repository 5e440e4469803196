using System.Reflection;
using Herald.Storage.Tests.Contract;

namespace Herald.Storage.Postgres.Tests;

/// <summary>Every contract suite SQLite runs, PostgreSQL runs too: a suite added later without a PostgreSQL subclass fails here.</summary>
public sealed class PostgresContractCoverageTests
{
    [Fact]
    public void Every_contract_suite_has_a_PostgreSQL_subclass()
    {
        var suites = typeof(StoreContract).Assembly.GetTypes()
            .Where(t => t.IsAbstract && t.IsSubclassOf(typeof(StoreContract)) && t.GetCustomAttribute<ContractForAttribute>() is not null);
        var run = typeof(PostgresContractCoverageTests).Assembly.GetTypes().Where(t => !t.IsAbstract).Select(t => t.BaseType).ToHashSet();

        suites.Where(s => !run.Contains(s)).Select(s => s.Name).ShouldBeEmpty();
        suites.Count().ShouldBe(18);
    }
}
