using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Herald.Server.Tests.Feedback;
using Herald.Server.Tests.Recipients;
using Herald.Server.Tests.Support;
using Herald.Testing.Smtp;

namespace Herald.Server.Tests.Pages;

/// <summary>GET /v1/recipients/{id}/banner and POST .../portal-links: what an application calls to show the banner itself.</summary>
public sealed class BannerApiTests : IAsyncLifetime
{
    private ScriptedHerald _herald = null!;

    private HeraldTestHost Host => _herald.Host;

    public async ValueTask InitializeAsync() => _herald = await ScriptedHerald.StartAsync((recipient, verb, _) =>
        recipient.StartsWith("gone@", StringComparison.Ordinal) && verb == "RCPT" ? new ServerAction.Reply("550 5.1.1 <gone@example.com>: user unknown") : null);

    public async ValueTask DisposeAsync() => await _herald.DisposeAsync();

    [Fact]
    public async Task The_banner_shows_with_a_working_portal_link_only_while_an_address_needs_its_owner()
    {
        await Host.CreateAsync("u-fine", "fine@example.com");
        var fine = await Host.Http.GetFromJsonAsync<JsonElement>("/v1/recipients/u-fine/banner");
        fine.GetProperty("show").GetBoolean().ShouldBeFalse();
        fine.GetProperty("severity").GetString().ShouldBe("none");
        (fine.TryGetProperty("portalLink", out var none) ? none.ValueKind : JsonValueKind.Null).ShouldBe(JsonValueKind.Null);

        await Host.CreateAsync("u-gone", "gone@example.com");
        await Host.WaitForStatusAsync(await Host.SendToRecipientAsync("integration-alert", "u-gone", new { integration = "Slack", problem = "x" }), "failed");
        await RecipientStatus.WaitForAsync(Host, "gone@example.com", "suspended");
        var gone = await Host.Http.GetFromJsonAsync<JsonElement>("/v1/recipients/u-gone/banner");
        gone.GetProperty("show").GetBoolean().ShouldBeTrue();
        gone.GetProperty("severity").GetString().ShouldBe("error");
        gone.GetProperty("title").GetString().ShouldBe("We're having trouble emailing you");
        gone.GetProperty("text").GetString()!.ShouldNotBeEmpty();

        using var browserless = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var open = await browserless.GetAsync(gone.GetProperty("portalLink").GetString());
        open.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        open.Headers.Location!.ToString().ShouldBe("/settings/u-gone");
        open.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith("herald_settings=", StringComparison.Ordinal) && c.Contains("httponly") && c.Contains("samesite=lax"));
    }

    [Fact]
    public async Task An_unknown_recipient_or_a_bad_lifetime_is_a_problem_naming_it()
    {
        using var unknown = await Host.Http.GetAsync("/v1/recipients/u-nobody/banner");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        unknown.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

        await Host.CreateAsync("u-link", "link@example.com");
        using var tooLong = await Host.Http.PostAsync("/v1/recipients/u-link/portal-links?minutes=100000", null);
        tooLong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await tooLong.Content.ReadAsStringAsync()).ShouldContain("minutes");

        using var created = await Host.Http.PostAsync("/v1/recipients/u-link/portal-links", null);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        (body.GetProperty("expiresAt").GetDateTimeOffset() - DateTimeOffset.UtcNow).TotalMinutes.ShouldBeInRange(14, 15);
        body.GetProperty("url").GetString()!.ShouldContain("/settings/open/pl_");
    }
}
