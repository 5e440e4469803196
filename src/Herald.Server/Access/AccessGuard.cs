using Herald.Core.Access;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Herald.Server.Access;

/// <summary>
/// Refuses to start Herald on an address other machines can reach while no API key exists: the API would be open to
/// nobody (every call refused) or, worse, someone would turn authentication off to get going. Runs before the HTTP
/// server binds (hosted services start first).
/// </summary>
internal sealed class AccessGuard(IConfiguration configuration, ApiKeyService keys) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var exposed = ListenAddresses.Of(configuration).Where(u => !ListenAddresses.IsLoopback(u)).ToList();
        if (exposed.Count == 0 || (await keys.ListAsync(cancellationToken)).Any(k => k.IsActive))
        {
            return;
        }

        throw new StartupRefusedException(
            $"Herald would listen on {string.Join(", ", exposed)}, which other machines can reach, and no API key exists. " +
            $"Create one first: herald keys create --name app --scopes {Scopes.Send},{Scopes.Read} (with the same --Herald:DataDirectory), " +
            "then start again; or listen on 127.0.0.1 only.");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
