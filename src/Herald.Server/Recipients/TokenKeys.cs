using System.Security.Cryptography;
using System.Text;
using Herald.Core.Queue;
using Herald.Server.Hosting;

namespace Herald.Server.Recipients;

/// <summary>
/// Where the HMAC key comes from: <c>Herald:Secrets:TokenKey</c>, else a random key kept in the data directory so
/// that links stay valid across restarts and a first run works without setup. The key signs every unsubscribe and
/// verification link already sent: a file that is gone is never silently replaced (see <see cref="TokenKeyMode"/>).
/// </summary>
internal static class TokenKeys
{
    public const int MinLength = 32;
    public const string FileName = "token-key";

    /// <param name="warn">Told what a new key breaks, for the start-up log.</param>
    /// <exception cref="DataMissingException">The file is gone from an existing store and <paramref name="mode"/> is not Rotate.</exception>
    /// <exception cref="StorageFaultException">The file cannot be read or written, or does not hold a key.</exception>
    public static byte[] Load(string? configured, string dataDirectory, TokenKeyMode mode = TokenKeyMode.CreateIfMissing, Action<string>? warn = null)
    {
        if (!string.IsNullOrEmpty(configured))
        {
            if (configured.Length < MinLength)
            {
                throw new InvalidOperationException($"Herald:Secrets:TokenKey: must be at least {MinLength} characters");
            }

            if (mode == TokenKeyMode.Rotate)
            {
                warn?.Invoke("--rotate-token-key changed nothing: the key comes from Herald:Secrets:TokenKey; change it there");
            }

            return Encoding.UTF8.GetBytes(configured);
        }

        var path = Path.GetFullPath(Path.Combine(dataDirectory, FileName));
        if (mode == TokenKeyMode.Rotate)
        {
            var rotated = Write(path, replace: true);
            warn?.Invoke($"{path}: a new token key was generated (--rotate-token-key): every unsubscribe and verification link sent before now no longer works; recipients must ask for a new verification email");
            return rotated;
        }

        if (File.Exists(path))
        {
            return Read(path);
        }

        if (mode == TokenKeyMode.MustExist)
        {
            throw new DataMissingException(
                $"{path} is gone. It signs every unsubscribe and verification link Herald has sent from this store, and a new key would " +
                "silently break them all. Restore it from a backup, or start once with --rotate-token-key to generate a new one " +
                "(every link already sent stops working).");
        }

        return Write(path, replace: false);
    }

    /// <summary>Reads a key file written by <see cref="Write"/> (the erasure key uses the same format).</summary>
    internal static byte[] Read(string path, string what = "token key", string remedy = "restore it from a backup or start with --rotate-token-key")
    {
        try
        {
            var key = Convert.FromBase64String(File.ReadAllText(path).Trim());
            return key.Length >= 16 ? key : throw new FormatException($"{key.Length} bytes is too short for a key");
        }
        catch (FormatException e)
        {
            throw new StorageFaultException($"{path}: does not hold a {what} ({e.Message}); {remedy}", transient: false, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StorageFaultException($"{path}: cannot be read: {e.Message}", transient: false, e);
        }
    }

    /// <summary>Writes a new random 32-byte key, readable by the owner only; another process's file wins a race.</summary>
    internal static byte[] Write(string path, bool replace, string what = "token key")
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var target = replace ? path + ".new" : path;
        var options = new FileStreamOptions { Mode = replace ? FileMode.Create : FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using (var writer = new StreamWriter(target, Encoding.ASCII, options))
            {
                writer.Write(Convert.ToBase64String(key));
            }

            if (replace)
            {
                // Written beside it, then renamed over it: a crash leaves the old key or the new one, never half a key.
                File.Move(target, path, overwrite: true);
            }
        }
        catch (IOException) when (!replace && File.Exists(path))
        {
            // Another process created it first: use theirs, so both sign alike.
            return Read(path, what);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StorageFaultException($"{path}: the {what} cannot be written: {e.Message}", transient: false, e);
        }

        return key;
    }
}
