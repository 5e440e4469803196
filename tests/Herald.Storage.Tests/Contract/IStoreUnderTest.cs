using Microsoft.Extensions.Time.Testing;

namespace Herald.Storage.Tests.Contract;

/// <summary>
/// One empty database of some store implementation: the only thing a store must provide to run the contract suites.
/// Several nodes (processes) may have it open at once, each under its own node id, as they would in production.
/// </summary>
public interface IStoreUnderTest : IAsyncDisposable
{
    /// <summary>The clock every node's store reads when a port method takes no time (lease recovery, replay expiry).</summary>
    FakeTimeProvider Clock { get; }

    /// <summary>Opens the database as the node <paramref name="nodeId"/>, with every storage port on it.</summary>
    ValueTask<StorePorts> OpenAsync(string nodeId);

    /// <summary>Closes every open node, each flushing what it acknowledged; the database itself stays.</summary>
    ValueTask CloseAsync();
}
