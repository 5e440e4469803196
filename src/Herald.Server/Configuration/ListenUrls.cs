using System.Globalization;
using Herald.Smtp.Outbound;

namespace Herald.Server.Configuration;

/// <summary>The <c>urls</c> setting as Kestrel reads it: <c>http(s)://host:port</c>, the host a name, an address, <c>*</c> or <c>+</c>.</summary>
internal static class ListenUrls
{
    /// <returns>What is wrong with one URL, in words; null when Kestrel can listen on it.</returns>
    public static string? Problem(string url)
    {
        var separator = url.IndexOf("://", StringComparison.Ordinal);
        if (separator < 0 || url[..separator].ToLowerInvariant() is not ("http" or "https"))
        {
            return "is not an http(s) URL like http://127.0.0.1:5000";
        }

        var rest = url[(separator + 3)..];
        if (rest.StartsWith("unix:", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("pipe:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var authority = slash < 0 ? rest : rest[..slash];
        var colon = authority.StartsWith('[') ? authority.IndexOf("]:", StringComparison.Ordinal) + 1 : authority.LastIndexOf(':');
        var host = colon > 0 ? authority[..colon] : authority;
        if (host is not ("*" or "+") && !SmtpRoutesConfiguration.IsHost(host))
        {
            return $"has no valid host ('{host}'): a name, an IP address, * or +";
        }

        if (colon > 0 && !(int.TryParse(authority.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535))
        {
            return $"has no valid port ('{authority[(colon + 1)..]}'): 0 to 65535";
        }

        return null;
    }
}
