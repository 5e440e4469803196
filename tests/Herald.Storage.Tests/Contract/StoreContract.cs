using Herald.Core.Access;
using Herald.Core.Feedback;
using Herald.Core.Inbound;
using Herald.Core.Portal;
using Herald.Core.Queue;
using Herald.Core.Recipients;
using Microsoft.Extensions.Time.Testing;

namespace Herald.Storage.Tests.Contract;

/// <summary>
/// Base of the port contract suites: each test gets a fresh database from <see cref="CreateDatabase"/>, opened as the
/// node <see cref="ThisNode"/>, so a PostgreSQL store can later run the same suites by supplying its own
/// <see cref="IStoreUnderTest"/>.
/// </summary>
public abstract class StoreContract : IAsyncLifetime
{
    protected const string ThisNode = "node-a";

    protected static readonly CancellationToken None = CancellationToken.None;

    private IStoreUnderTest? _database;
    private StorePorts _ports = null!;

    protected IDeliveryQueue Queue => _ports.Queue;

    protected IMessageStore Store => _ports.Messages;

    protected IRecipientStore Recipients => _ports.Recipients;

    protected IFeedbackStore Feedback => _ports.Feedback;

    protected IReplayGuard ReplayGuard => _ports.ReplayGuard;

    protected IStoreHealth Health => _ports.Health;
    protected IApiKeyStore ApiKeys => _ports.ApiKeys;

    protected IOperatorStore Operators => _ports.Operators;

    protected IPortalLinkStore PortalLinks => _ports.PortalLinks;

    protected FakeTimeProvider Clock => _database!.Clock;

    protected abstract IStoreUnderTest CreateDatabase();

    public async ValueTask InitializeAsync()
    {
        _database = CreateDatabase();
        _ports = await _database.OpenAsync(ThisNode);
    }

    /// <summary>Another process working on the same database, under its own node id.</summary>
    protected ValueTask<StorePorts> OpenNodeAsync(string nodeId) => _database!.OpenAsync(nodeId);

    /// <summary>Closes every node (flushing what each acknowledged) and opens <see cref="ThisNode"/> again, as after a restart.</summary>
    protected async Task ReopenAsync()
    {
        await _database!.CloseAsync();
        _ports = await _database.OpenAsync(ThisNode);
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
