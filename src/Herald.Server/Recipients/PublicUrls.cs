using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Herald.Server.Recipients;

/// <summary>Absolute links for emails: under <c>Herald:PublicUrl</c>, or the server's own address in development.</summary>
internal sealed class PublicUrls(RecipientsOptions options, IServer server)
{
    public const string UnsubscribePath = "/unsubscribe/";
    public const string VerifyPath = "/verify/";
    public const string PreferencesPath = "/preferences/";
    public const string PortalPath = "/settings/open/";

    public string Unsubscribe(string token) => Base() + UnsubscribePath + token;

    public string Verify(string token) => Base() + VerifyPath + token;

    public string Preferences(string token) => Base() + PreferencesPath + token;

    public string Portal(string token) => Base() + PortalPath + token;

    private string Base()
    {
        var configured = options.PublicUrl;
        if (string.IsNullOrWhiteSpace(configured))
        {
            configured = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://127.0.0.1:5000";
        }

        return configured.TrimEnd('/');
    }
}
