namespace Herald.Core.Inbound;

/// <summary>
/// Receives verified, de-duplicated provider events. The webhook answers 200 only after this returned, so an
/// implementation must persist first; if it throws, the webhook answers 503 and the provider retries.
/// Implementations should still be idempotent on <see cref="ProviderEvent.Id"/> (see docs/inbound.md).
/// </summary>
public interface IProviderEventSink
{
    ValueTask HandleAsync(ProviderEvent providerEvent, CancellationToken cancellationToken);
}
