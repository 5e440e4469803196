using Herald.Core.Access;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Server.Hosting;

/// <summary>
/// The store opened outside <c>herald serve</c>, for the operator's commands that must work before the API is usable:
/// the first API key is created on the store itself (nothing could authenticate the call that creates it).
/// </summary>
public static class HeraldAdministration
{
    /// <summary>The key service on the store that <paramref name="configuration"/> names (the same settings as serve).</summary>
    public static ServiceProvider Open(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddHeraldStorage(configuration);
        services.AddSingleton<ApiKeyService>();
        return services.BuildServiceProvider();
    }
}
