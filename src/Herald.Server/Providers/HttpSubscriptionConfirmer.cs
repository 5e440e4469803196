namespace Herald.Server.Providers;

/// <summary>Visits SubscribeURL with a GET, without following redirects (the URL was validated, a redirect was not).</summary>
internal sealed class HttpSubscriptionConfirmer(IHttpClientFactory clients) : ISubscriptionConfirmer
{
    public const string HttpClientName = "herald-sns-subscriptions";

    public async Task ConfirmAsync(Uri subscribeUrl, CancellationToken cancellationToken)
    {
        using var response = await clients.CreateClient(HttpClientName).GetAsync(subscribeUrl, cancellationToken);
        response.EnsureSuccessStatusCode();
    }
}
