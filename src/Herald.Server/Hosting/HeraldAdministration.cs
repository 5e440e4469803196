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
    /// <exception cref="DataMissingException">The store existed and is gone: a key on a new empty store would hide that.</exception>
    public static ServiceProvider Open(IConfiguration configuration)
    {
        DataFolder.Prepare(configuration, new ServeOptions());
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddHeraldStorage(configuration);
        services.AddSingleton<ApiKeyService>();
        services.AddSingleton<Herald.Server.Access.OperatorAccounts>();
        return services.BuildServiceProvider();
    }
}
