using Herald.Core.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Server.Access;

/// <summary>API keys through ASP.NET Core's authentication and authorization: one scheme, one policy per scope.</summary>
internal static class AccessRegistration
{
    public const string Scheme = "ApiKey";

    public static string Policy(string scope) => $"scope:{scope}";

    public static IServiceCollection AddHeraldAccess(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(ModeOf(configuration));
        services.AddSingleton<ApiKeyService>();
        services.AddAuthentication(Scheme).AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(Scheme, null);
        var authorization = services.AddAuthorizationBuilder();
        foreach (var scope in Scopes.All)
        {
            authorization.AddPolicy(Policy(scope), p => p.AddAuthenticationSchemes(Scheme).RequireClaim(HeraldClaims.Scope, scope));
        }

        services.AddHostedService<AccessGuard>();
        services.AddHeraldRateLimits(configuration);
        return services;
    }

    /// <summary>The quick start is no route configured and loopback listen addresses only.</summary>
    public static AccessMode ModeOf(IConfiguration configuration)
    {
        var routes = configuration.GetSection("Herald:Smtp:Routes").GetChildren().Any();
        var urls = ListenAddresses.Of(configuration);
        var exposed = urls.Where(u => !ListenAddresses.IsLoopback(u)).ToList();
        if (routes)
        {
            return new AccessMode(false, "an SMTP route is configured, so every /v1 call needs a key");
        }

        return exposed.Count > 0
            ? new AccessMode(false, $"Herald listens on {string.Join(", ", exposed)}, not only on loopback, so every /v1 call needs a key")
            : new AccessMode(true, "quick start: no SMTP route and loopback only, so anonymous calls are allowed");
    }
}
