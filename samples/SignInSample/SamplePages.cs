using System.Net;

namespace SignInSample;

/// <summary>The application's three screens, as plain HTML; every value shown is encoded.</summary>
internal static class SamplePages
{
    public static string SignIn(string token, string? error) => Page("Sign in", $"""
        <h1>Sign in</h1>
        {Error(error)}
        <form method="post" action="/sign-in">
          <input type="hidden" name="__RequestVerificationToken" value="{E(token)}">
          <label for="email">Email address</label>
          <input id="email" name="email" type="email" autocomplete="email" required>
          <button type="submit">Email me a code</button>
        </form>
        """);

    public static string EnterCode(string email, string token, string? error) => Page("Enter your code", $"""
        <h1>Enter your code</h1>
        {Error(error)}
        <p>We emailed a 6-digit code to {E(email)}. It works for 10 minutes.</p>
        <form method="post" action="/sign-in/code">
          <input type="hidden" name="__RequestVerificationToken" value="{E(token)}">
          <input type="hidden" name="email" value="{E(email)}">
          <label for="code">Sign-in code</label>
          <input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" maxlength="6" required>
          <button type="submit">Sign in</button>
        </form>
        """);

    public static string Home(string email, Banner? banner, string token) => Page("Your account", $"""
        {BannerBox(banner)}
        <h1>Signed in as {E(email)}</h1>
        <p><a href="/email-settings">Email settings</a>: which emails you get, and your addresses.</p>
        <form method="post" action="/sign-out">
          <input type="hidden" name="__RequestVerificationToken" value="{E(token)}">
          <button type="submit">Sign out</button>
        </form>
        """);

    /// <summary>Herald's banner as the help article shows it: its title, its text, and its link into the settings.</summary>
    private static string BannerBox(Banner? banner) => banner is { Show: true }
        ? $"""
          <div role="alert" class="banner banner-{E(banner.Severity)}">
            <strong>{E(banner.Title ?? "")}</strong>
            <p>{E(banner.Text ?? "")}</p>
            {(banner.PortalLink is { } link ? $"<p><a href=\"{E(link)}\">Fix it in your email settings</a></p>" : "")}
          </div>
          """
        : "";

    private static string Error(string? error) => error is null ? "" : $"<p role=\"alert\" class=\"error\">{E(error)}</p>";

    private static string Page(string title, string body) => $"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{E(title)} · Sign-in sample</title>
        <style>{Style}</style>
        </head>
        <body>
        <main>
        {body}
        </main>
        </body>
        </html>
        """;

    private const string Style =
        "body { font: 16px/1.5 system-ui, sans-serif; max-width: 36rem; margin: 2rem auto; padding: 0 1rem; color: #1f2328; } " +
        "label, input, button { display: block; margin: .5rem 0; font: inherit; } " +
        ".banner { border: 2px solid #9a6700; background: #fff8c5; padding: .5rem 1rem; margin-bottom: 1rem; } " +
        ".banner-error { border-color: #cf222e; background: #ffebe9; } .error { color: #a40e26; }";

    private static string E(string value) => WebUtility.HtmlEncode(value);
}
