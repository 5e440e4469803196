namespace Herald.Storage.Tests.Contract;

/// <summary>
/// Names the methods of the suite's port (<see cref="ContractForAttribute"/>) whose behaviour a contract test checks;
/// <c>ContractCoverageTests</c> fails while a port method is named by none.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class CoversAttribute(params string[] methods) : Attribute
{
    public IReadOnlyList<string> Methods { get; } = methods;
}
