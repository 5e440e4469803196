using Herald.Core.Queue;

namespace Herald.Storage.Tests.Contract;

/// <summary>One empty database of some store implementation, which a test may close and open again.</summary>
public interface IStoreUnderTest : IAsyncDisposable
{
    ValueTask<(IDeliveryQueue Queue, IMessageStore Store)> OpenAsync();

    ValueTask CloseAsync();
}
