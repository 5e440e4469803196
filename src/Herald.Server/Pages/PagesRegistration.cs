using Herald.Core.Portal;
using Herald.Server.Access;
using Herald.Server.Pages.Common;
using Herald.Server.Pages.Console;
using Herald.Server.Pages.Links;
using Herald.Server.Pages.Portal;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Server.Pages;

/// <summary>
/// The pages: Razor components rendered on the server (static rendering, no script), two cookie schemes, antiforgery
/// on every form, and a rate limit on console sign-ins.
/// </summary>
internal static class PagesRegistration
{
    public static IServiceCollection AddHeraldPages(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        var options = new PagesOptions();
        configuration.GetSection("Herald:Pages").Bind(options);
        services.AddSingleton(options);
        services.AddRazorComponents();
        services.AddAntiforgery(o => o.Cookie.Name = "herald_af");
        // Cookies stay valid across restarts: the keys that protect them live in the data folder, beside the store.
        services.AddDataProtection().SetApplicationName("Herald").PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys")));
        services.AddSingleton<PortalLinks>();
        services.AddSingleton<OperatorAccounts>();
        services.AddSingleton<SettingsReader>();
        services.AddSingleton<ConsoleReader>();

        services.AddAuthentication()
            .AddCookie(PageSchemes.Portal, o => Cookie(o, "herald_settings", "/settings", SameSiteMode.Lax, options.PortalSession, PortalPages.SignedOutPath))
            .AddCookie(PageSchemes.Console, o => Cookie(o, "herald_console", "/console", SameSiteMode.Strict, options.ConsoleSession, ConsolePages.SignInPath));
        services.AddAuthorizationBuilder()
            .AddPolicy(PageSchemes.PortalPolicy, p => p.AddAuthenticationSchemes(PageSchemes.Portal).RequireClaim(PageSchemes.RecipientClaimType))
            .AddPolicy(PageSchemes.ConsolePolicy, p => p.AddAuthenticationSchemes(PageSchemes.Console).RequireClaim(PageSchemes.OperatorClaimType));
        services.Configure<RateLimiterOptions>(o => o.AddPolicy(PageSchemes.SignInLimit, new SignInRateLimitPolicy(options.SignInsPerMinute)));
        return services;
    }

    public static IEndpointRouteBuilder MapHeraldPages(this IEndpointRouteBuilder app)
    {
        app.MapPageAssets();
        app.MapLinkPages();
        app.MapPortalApi();
        app.MapPortalPages();
        app.MapConsolePages();
        return app;
    }

    /// <summary>HttpOnly always, Secure when the request came over https, and scoped to its own path.</summary>
    private static void Cookie(CookieAuthenticationOptions o, string name, string path, SameSiteMode sameSite, TimeSpan lifetime, string signInPath)
    {
        o.Cookie.Name = name;
        o.Cookie.Path = path;
        o.Cookie.HttpOnly = true;
        o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.Cookie.SameSite = sameSite;
        o.ExpireTimeSpan = lifetime;
        o.SlidingExpiration = true;
        o.LoginPath = signInPath;
        o.AccessDeniedPath = signInPath;
        o.ReturnUrlParameter = "back";
    }
}
