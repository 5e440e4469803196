using System.Security.Cryptography;
using System.Text;

namespace Herald.Server.Recipients;

/// <summary>
/// Where the HMAC key comes from: <c>Herald:Secrets:TokenKey</c>, else a random key kept in the data directory so
/// that links stay valid across restarts and a first run works without setup.
/// </summary>
internal static class TokenKeys
{
    public const int MinLength = 32;

    public static byte[] Load(string? configured, string dataDirectory)
    {
        if (!string.IsNullOrEmpty(configured))
        {
            if (configured.Length < MinLength)
            {
                throw new InvalidOperationException($"Herald:Secrets:TokenKey: must be at least {MinLength} characters");
            }

            return Encoding.UTF8.GetBytes(configured);
        }

        var path = Path.Combine(dataDirectory, "token-key");
        if (File.Exists(path))
        {
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }

        var key = RandomNumberGenerator.GetBytes(32);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var writer = new StreamWriter(path, Encoding.ASCII, options);
            writer.Write(Convert.ToBase64String(key));
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first: use theirs, so both sign alike.
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }

        return key;
    }
}
