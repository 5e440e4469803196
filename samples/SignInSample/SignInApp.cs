using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace SignInSample;

/// <summary>
/// A web application that signs its users in with a code Herald emails, shows Herald's "We're having trouble emailing
/// you" banner, and links to the user's email settings that Herald serves. Everything Herald does is one HTTP call in
/// <see cref="HeraldClient"/>; the rest is what any ASP.NET Core application has (a cookie, antiforgery, two forms).
/// </summary>
public static class SignInApp
{
    /// <param name="args">The usual ASP.NET Core arguments, and <c>--Herald:Url</c> and <c>--Herald:ApiKey</c>.</param>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Services.AddHttpClient<HeraldClient>(http =>
        {
            http.BaseAddress = new Uri(builder.Configuration["Herald:Url"] ?? "http://127.0.0.1:5000");
            if (builder.Configuration["Herald:ApiKey"] is { Length: > 0 } key)
            {
                // A key with the send and recipients scopes: herald keys create --name web-app --scopes send,recipients
                http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
            }
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SignInCodes>();
        builder.Services.AddAntiforgery();
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o => (o.LoginPath, o.Cookie.Name) = ("/sign-in", "sample-session"));
        builder.Services.AddAuthorization();

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapGet("/", HomeAsync).RequireAuthorization();
        app.MapGet("/sign-in", (HttpContext http, IAntiforgery antiforgery) => Html(SamplePages.SignIn(Token(http, antiforgery), null)));
        app.MapPost("/sign-in", SendCodeAsync);
        app.MapPost("/sign-in/code", CheckCodeAsync);
        app.MapGet("/email-settings", EmailSettingsAsync).RequireAuthorization();
        app.MapPost("/sign-out", async (HttpContext http) =>
        {
            await http.SignOutAsync();
            return Results.Redirect("/sign-in");
        });
        return app;
    }

    private static async Task<IResult> HomeAsync(HttpContext http, HeraldClient herald, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        var (id, email) = SignedIn(http);
        // On every page view, as the help article asks: Herald says whether to show the banner, and mints the link in it.
        var banner = await herald.BannerAsync(id, cancellationToken);
        return Html(SamplePages.Home(email, banner, Token(http, antiforgery)));
    }

    private static async Task<IResult> SendCodeAsync(
        [FromForm] string? email, HttpContext http, HeraldClient herald, SignInCodes codes, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(email) || !email.Contains('@', StringComparison.Ordinal))
        {
            return Html(SamplePages.SignIn(Token(http, antiforgery), "Enter your email address."), StatusCodes.Status400BadRequest);
        }

        email = email.Trim();
        var id = SignInCodes.UserId(email);
        await herald.EnsureRecipientAsync(id, email, cancellationToken);
        var sent = await herald.SendSignInCodeAsync(id, codes.Issue(email), cancellationToken);
        return Html(SamplePages.EnterCode(email, Token(http, antiforgery), sent ? null : "We could not send a code just now; try again in a few minutes."));
    }

    private static async Task<IResult> CheckCodeAsync([FromForm] string? email, [FromForm] string? code, HttpContext http, SignInCodes codes, IAntiforgery antiforgery)
    {
        if (email is null || code is null || !codes.TryRedeem(email.Trim(), code))
        {
            return Html(SamplePages.EnterCode(email ?? "", Token(http, antiforgery), "That code is not right or no longer works."), StatusCodes.Status400BadRequest);
        }

        email = email.Trim();
        var identity = new System.Security.Claims.ClaimsIdentity(
            [new("sub", SignInCodes.UserId(email)), new("email", email)], CookieAuthenticationDefaults.AuthenticationScheme);
        await http.SignInAsync(new System.Security.Claims.ClaimsPrincipal(identity));
        return Results.Redirect("/");
    }

    /// <summary>A fresh single-use link into Herald's settings pages for the signed-in user, minted when they click.</summary>
    private static async Task<IResult> EmailSettingsAsync(HttpContext http, HeraldClient herald, CancellationToken cancellationToken) =>
        await herald.PortalLinkAsync(SignedIn(http).Id, cancellationToken) is { } url
            ? Results.Redirect(url)
            : Results.Problem("Herald did not give a settings link", statusCode: StatusCodes.Status502BadGateway);

    private static (string Id, string Email) SignedIn(HttpContext http) =>
        (http.User.FindFirst("sub")!.Value, http.User.FindFirst("email")!.Value);

    private static string Token(HttpContext http, IAntiforgery antiforgery) => antiforgery.GetAndStoreTokens(http).RequestToken!;

    private static IResult Html(string page, int status = StatusCodes.Status200OK) =>
        Results.Content(page, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
}
