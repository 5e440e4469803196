using Microsoft.Extensions.Configuration;

namespace Herald.Server.Hosting;

/// <summary>The name this process records on the leases it takes (<c>Herald:NodeId</c>).</summary>
internal static class NodeIdentity
{
    /// <summary>
    /// The configured <c>Herald:NodeId</c>, else the machine name and the full path of the data folder. That default
    /// is stable across restarts (so a restarted process releases its own leases at once instead of waiting for them to
    /// expire) and differs between processes that do not share a data folder; two processes sharing one data folder
    /// cannot share the SQLite store anyway. It needs no file of its own, unlike a generated id kept in the data folder,
    /// which would also be copied along with that folder. Processes on one machine that share a database elsewhere
    /// (a later PostgreSQL store) but not a data folder already get distinct names; set it explicitly otherwise.
    /// </summary>
    public static string Resolve(IConfiguration configuration, string dataDirectory) =>
        configuration["Herald:NodeId"] is { Length: > 0 } configured
            ? configured
            : $"{Environment.MachineName}:{Path.GetFullPath(dataDirectory)}";
}
