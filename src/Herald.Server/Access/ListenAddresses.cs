using System.Net;
using Microsoft.Extensions.Configuration;

namespace Herald.Server.Access;

/// <summary>The addresses Herald's HTTP server will listen on, read from configuration as Kestrel reads them.</summary>
internal static class ListenAddresses
{
    /// <summary>
    /// <c>urls</c> (--urls, ASPNETCORE_URLS), <c>http_ports</c>/<c>https_ports</c> (which bind every interface) and
    /// <c>Kestrel:Endpoints:*:Url</c>.
    /// </summary>
    public static IReadOnlyList<string> Of(IConfiguration configuration)
    {
        var urls = new List<string>();
        urls.AddRange((configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        foreach (var key in new[] { "http_ports", "https_ports" })
        {
            urls.AddRange((configuration[key] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => $"http://*:{p}"));
        }

        urls.AddRange(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>());
        return urls;
    }

    /// <summary>True for localhost, 127.0.0.0/8 and [::1]; false for wildcards (*, +, 0.0.0.0, [::]) and every other host.</summary>
    public static bool IsLoopback(string url)
    {
        var rest = url.Contains("://", StringComparison.Ordinal) ? url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..] : url;
        var host = rest.StartsWith('[') ? rest[1..rest.IndexOf(']', StringComparison.Ordinal)] : rest.Split(':', '/')[0];
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
    }
}
