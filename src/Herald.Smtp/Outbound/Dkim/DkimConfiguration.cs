using Microsoft.Extensions.Configuration;

namespace Herald.Smtp.Outbound.Dkim;

/// <summary>
/// Mistakes in a section shaped like <see cref="DkimOptions"/>, in words naming the setting, found before the signer
/// is built: a key file that is missing, unreadable, empty or far too large to be a key, or that holds no usable key.
/// </summary>
public static class DkimConfiguration
{
    /// <summary>
    /// A PEM private key is a few KiB (RSA-4096 in PKCS#8 is about 3.3 KiB). Anything much larger is some other file
    /// named by mistake (a log, a certificate bundle), and is not read into memory.
    /// </summary>
    public const long MaxKeyFileBytes = 64 * 1024;

    public static IEnumerable<string> Problems(IConfiguration section, string path)
    {
        ArgumentNullException.ThrowIfNull(section);
        var options = new DkimOptions();
        section.Bind(options);
        for (var i = 0; i < options.Keys.Count; i++)
        {
            var key = options.Keys[i];
            var at = $"{path}:Keys:{i}";
            if (Uri.CheckHostName(key.Domain) != UriHostNameType.Dns)
            {
                yield return $"{at}:Domain: '{key.Domain}' is not a domain (the From domain this key signs for)";
            }

            if (string.IsNullOrWhiteSpace(key.Selector) || Uri.CheckHostName(key.Selector) != UriHostNameType.Dns)
            {
                yield return $"{at}:Selector: '{key.Selector}' is not a DNS label (RFC 6376 3.1), e.g. herald2026";
            }

            if (key.Algorithm.ToLowerInvariant() is not ("rsa-sha256" or "ed25519-sha256"))
            {
                yield return $"{at}:Algorithm: '{key.Algorithm}' is not rsa-sha256 or ed25519-sha256";
                continue;
            }

            if (key.PrivateKeyPem is null && FileProblem(key.PrivateKeyFile) is { } file)
            {
                yield return $"{at}:PrivateKeyFile: {file}";
                continue;
            }

            if (KeyProblem(key) is { } unusable)
            {
                yield return $"{at}:{(key.PrivateKeyPem is null ? "PrivateKeyFile" : "PrivateKeyPem")}: {unusable}";
            }
        }
    }

    private static string? FileProblem(string? file)
    {
        if (string.IsNullOrWhiteSpace(file))
        {
            return "is required (or PrivateKeyPem): the PEM file of the private key";
        }

        try
        {
            var info = new FileInfo(file);
            if (!info.Exists)
            {
                return $"'{file}' does not exist";
            }

            if (info.Length is 0 or > MaxKeyFileBytes)
            {
                return $"'{file}' is {info.Length} bytes: not a PEM private key (at most {MaxKeyFileBytes / 1024} KiB)";
            }

            using var stream = info.OpenRead();
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return $"'{file}' cannot be read: {e.Message}";
        }
    }

    /// <summary>Builds the signer the server would build, so a file that holds no usable key is named now.</summary>
    private static string? KeyProblem(DkimKeyOptions key)
    {
        try
        {
            (DkimMessageSigner.Create(key, TimeProvider.System) as IDisposable)?.Dispose();
            return null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return $"holds no usable {key.Algorithm} private key: {e.Message}";
        }
    }
}
