using System.Globalization;
using Herald.Core.Queue;

namespace Herald.Server.Hosting;

/// <summary>
/// How Herald knows that a store existed: a small text file beside the database (<c>herald.db.marker</c>), written
/// once the store was first opened. A marker without its database means the database was deleted or lost, not that
/// this is a first run, and start-up stops unless the operator says <c>--init</c>. A whole data folder that is gone
/// takes its marker with it and looks like a first run; the first log lines name the store and say it was created.
/// </summary>
internal static class StoreMarker
{
    public static string PathFor(string database) => Path.GetFullPath(database) + ".marker";

    public static bool Exists(string database) => File.Exists(PathFor(database));

    /// <summary>Writes the marker if it is missing (a new store, or one from before markers existed).</summary>
    public static void Ensure(string database, DateTimeOffset now)
    {
        var path = PathFor(database);
        if (File.Exists(path))
        {
            return;
        }

        try
        {
            File.WriteAllText(path, string.Create(CultureInfo.InvariantCulture,
                $"""
                Herald created its store {Path.GetFullPath(database)} on {now:u}.
                While this file is here and the database is not, herald serve refuses to start: the database was lost.
                Restore it from a backup, or start once with --init to begin an empty store (every queued message,
                timeline, suppression, preference and recipient of the lost store is gone).

                """));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StorageFaultException($"{path}: the store marker cannot be written: {e.Message}", transient: false, e);
        }
    }
}
