using System.Text;
using Herald.Server.Recipients;

namespace Herald.Server.Lifecycle;

/// <summary>
/// The key of the fingerprints kept for erased addresses: <c>Herald:Secrets:ErasureKey</c>, else a random key in the
/// data folder's <c>erasure-key</c> file, written like the token key (<see cref="TokenKeys"/>). Apart from the token key
/// on purpose: rotating that one (every link sent stops working) must not let an erased, suppressed address be written
/// to again. Back it up with the database: without it, no later send matches a kept suppression.
/// </summary>
internal static class ErasureKeys
{
    public const string FileName = "erasure-key";

    /// <param name="storeExisted">Whether the store was there before this start: a key made now cannot match older fingerprints.</param>
    public static byte[] Load(string? configured, string dataDirectory, bool storeExisted, Action<string> warn)
    {
        if (!string.IsNullOrEmpty(configured))
        {
            return configured.Length >= TokenKeys.MinLength
                ? Encoding.UTF8.GetBytes(configured)
                : throw new InvalidOperationException($"Herald:Secrets:ErasureKey: must be at least {TokenKeys.MinLength} characters");
        }

        var path = Path.GetFullPath(Path.Combine(dataDirectory, FileName));
        if (File.Exists(path))
        {
            return TokenKeys.Read(path, "erasure key", "restore it from a backup");
        }

        if (storeExisted)
        {
            warn($"{path}: a new erasure key was generated. If addresses were erased with an earlier key, their kept suppressions " +
                "no longer match and Herald may write to them again: restore the file from a backup if it existed.");
        }

        return TokenKeys.Write(path, replace: false, "erasure key");
    }
}
