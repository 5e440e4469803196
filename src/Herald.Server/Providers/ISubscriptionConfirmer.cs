namespace Herald.Server.Providers;

/// <summary>
/// Confirms an SNS subscription by visiting its SubscribeURL (AWS SNS developer guide, "Confirm the subscription").
/// Only called for a verified message, from an allowed topic, with an https sns.&lt;region&gt;.amazonaws.com URL.
/// </summary>
public interface ISubscriptionConfirmer
{
    Task ConfirmAsync(Uri subscribeUrl, CancellationToken cancellationToken);
}
