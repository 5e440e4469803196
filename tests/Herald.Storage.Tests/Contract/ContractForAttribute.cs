namespace Herald.Storage.Tests.Contract;

/// <summary>Marks an abstract suite as (part of) the contract of one storage port; see <c>ContractCoverageTests</c>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ContractForAttribute(Type port) : Attribute
{
    public Type Port { get; } = port;
}
