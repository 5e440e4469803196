using Herald.Core.Queue;
using Herald.Server.Configuration;
using Herald.Server.Recipients;
using Microsoft.Extensions.Configuration;

namespace Herald.Server.Hosting;

/// <summary>
/// The data folder before anything opens it: creates the folders, refuses a store that existed and is gone (its
/// <see cref="StoreMarker"/> without its database) unless <c>--init</c>, and says whether the token key may be created
/// (only for a store never served from). <c>herald keys</c> runs the same check before it opens the store.
/// </summary>
internal static class DataFolder
{
    /// <exception cref="DataMissingException">The store existed and is gone, and <see cref="ServeOptions.InitStore"/> is not set.</exception>
    /// <exception cref="StorageFaultException">A folder cannot be created (read-only file system, permissions).</exception>
    public static StartupNotes Prepare(IConfiguration configuration, ServeOptions serve)
    {
        var notes = new StartupNotes();
        Create(StorageConfiguration.DataDirectory(configuration));
        var newStore = true;
        if (StorageConfiguration.IsKind(configuration, StorageConfiguration.Sqlite))
        {
            var database = Path.GetFullPath(StorageConfiguration.SqlitePath(configuration));
            Create(Path.GetDirectoryName(database)!);
            var present = File.Exists(database) || Directory.Exists(database);
            // Never served from (no marker): the token key may still be made. `herald keys create` may have created the
            // database itself before the first `serve`, so the database's presence does not say that links were sent.
            newStore = !StoreMarker.Exists(database);
            if (!present && !newStore)
            {
                if (!serve.InitStore)
                {
                    throw new DataMissingException(
                        $"{database} is gone, but {StoreMarker.PathFor(database)} says Herald created a store there: starting would begin an " +
                        "empty store and lose every queued message, timeline, suppression, preference and recipient without a word. " +
                        "Restore the database from a backup, or start once with --init to begin an empty store.");
                }

                notes.Warn($"{database}: --init starts an empty store where one was lost: every queued message, timeline, suppression, " +
                    "preference and recipient of the old store is gone; links already sent verify nothing (their tokens were in it)");
            }
            else if (serve.InitStore && present)
            {
                notes.Warn($"{database}: --init changed nothing: the store is there");
            }
        }

        notes.TokenKeyMode = serve.RotateTokenKey ? TokenKeyMode.Rotate : newStore ? TokenKeyMode.CreateIfMissing : TokenKeyMode.MustExist;
        return notes;
    }

    private static void Create(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StorageFaultException($"{Path.GetFullPath(folder)}: the data folder cannot be created: {e.Message}", transient: false, e);
        }
    }
}
