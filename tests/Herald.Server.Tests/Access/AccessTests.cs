using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Herald.Core.Access;
using Herald.Server.Access;
using Herald.Server.Tests.Feedback;
using Herald.Server.Tests.Support;
using Herald.Testing.Smtp;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Server.Tests.Access;

/// <summary>
/// API keys with scopes against the real server (a relay route is configured, so every /v1 call needs a key), each
/// finding of the access review replayed: anonymous calls, a complaint lifted without the operator scope, preferences
/// changed without the recipients scope, a revoked key.
/// </summary>
public sealed class AccessTests : HostedHeraldTests
{
    private HttpClient Client(string? token)
    {
        var client = new HttpClient { BaseAddress = Host.Http.BaseAddress };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    private async Task<string> KeyAsync(string name, params string[] scopes)
    {
        using var response = await Host.Http.PostAsJsonAsync("/v1/keys", new { name, scopes });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task An_anonymous_send_is_refused_with_401_problem_details_when_a_route_is_configured()
    {
        using var anonymous = Client(null);
        using var response = await anonymous.PostAsJsonAsync("/v1/messages", new { type = "magic-code", to = "ana@example.com", data = new { code = "493817" } });

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");
        var problem = await ProblemAsync(response);
        problem.GetProperty("status").GetInt32().ShouldBe(401);
        problem.GetProperty("detail").GetString()!.ShouldContain("herald keys create");
        (await Host.Http.GetFromJsonAsync<JsonElement>("/v1/recipients/ana@example.com/messages")).GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [InlineData("/v1/messages/msg_x")]
    [InlineData("/v1/recipients/ana@example.com/status")]
    [InlineData("/v1/suppressions")]
    [InlineData("/v1/incidents")]
    [InlineData("/v1/keys")]
    public async Task Reads_without_a_key_are_refused(string path)
    {
        using var anonymous = Client(null);
        using var response = await anonymous.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_made_up_or_altered_key_is_refused()
    {
        var real = await KeyAsync("web-app", Scopes.Send);
        foreach (var token in new[] { "hk_0000000000000000_00000000000000000000000000000000", real[..^1] + (real[^1] == 'a' ? 'b' : 'a'), "not-a-key" })
        {
            using var client = Client(token);
            using var response = await client.GetAsync("/v1/messages/msg_x");
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, token);
        }
    }

    [Fact]
    public async Task A_key_without_operator_cannot_lift_a_complaint()
    {
        var (_, returnPath) = await SendDeliveredAsync("angry@example.com");
        (await BounceMailer.SendAsync(Host, returnPath, InboundFixtures.Complaint(returnPath, "angry@example.com"))).ShouldStartWith("250");
        using var app = Client(await KeyAsync("web-app", Scopes.Send, Scopes.Read, Scopes.Recipients));

        using var response = await app.PostAsJsonAsync("/v1/suppressions/angry%40example.com/remove", new { @operator = "anyone-at-all" });

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ProblemAsync(response)).GetProperty("scope").GetString().ShouldBe(Scopes.Operator);
        (await RecipientStatus.GetAsync(Host, "angry@example.com")).GetProperty("status").GetString().ShouldBe("suspended");
    }

    [Fact]
    public async Task A_key_without_recipients_cannot_change_preferences()
    {
        (await Host.Http.PostAsJsonAsync("/v1/recipients", new { id = "u_42", addresses = new[] { "pref@example.com" } })).EnsureSuccessStatusCode();
        using var sender = Client(await KeyAsync("web-app", Scopes.Send, Scopes.Read));

        using var response = await sender.PutAsJsonAsync("/v1/recipients/u_42/preferences/report-actions", new { enabled = false });

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var preferences = await Host.Http.GetFromJsonAsync<JsonElement>("/v1/recipients/u_42/preferences");
        preferences.EnumerateArray().Single(p => p.GetProperty("category").GetString() == "report-actions").GetProperty("enabled").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task A_revoked_key_gets_401_at_once()
    {
        var token = await KeyAsync("web-app", Scopes.Read);
        using var app = Client(token);
        (await app.GetAsync("/v1/recipients/ana@example.com/status")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var id = token.Split('_')[1];

        (await Host.Http.DeleteAsync($"/v1/keys/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await app.GetAsync("/v1/recipients/ana@example.com/status")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Host.Http.DeleteAsync($"/v1/keys/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_key_is_shown_once_and_listed_without_its_secret()
    {
        var token = await KeyAsync("support-console", Scopes.Operator, Scopes.Read);

        var listed = (await Host.Http.GetFromJsonAsync<JsonElement>("/v1/keys")).EnumerateArray().Single(k => k.GetProperty("name").GetString() == "support-console");
        listed.TryGetProperty("key", out _).ShouldBeFalse();
        listed.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()).ShouldBe([Scopes.Read, Scopes.Operator]);
        token.ShouldStartWith($"hk_{listed.GetProperty("id").GetString()}_");
    }

    [Fact]
    public async Task A_key_request_with_an_unknown_scope_is_a_400_naming_the_field()
    {
        using var response = await Host.Http.PostAsJsonAsync("/v1/keys", new { name = "x", scopes = new[] { "send", "root" } });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemAsync(response)).GetProperty("errors").GetProperty("scopes")[0].GetString()!.ShouldContain("'root'");
    }

    [Fact]
    public async Task The_audit_names_the_key_the_owner_unblocked_through()
    {
        await Host.Http.PostAsJsonAsync("/v1/suppressions", new { address = "owner@example.com", @operator = "sam" });
        await Host.Http.PostAsJsonAsync("/v1/suppressions/owner%40example.com/remove", new { @operator = "sam" });

        var detail = await Host.Http.GetFromJsonAsync<JsonElement>("/v1/suppressions/owner%40example.com");
        detail.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("actor").GetString())
            .ShouldBe(["operator:sam via key:tests", "operator:sam via key:tests"]);
    }

    [Fact]
    public void Every_v1_endpoint_but_the_provider_webhooks_requires_exactly_one_scope()
    {
        var endpoints = Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/v1/", StringComparison.Ordinal) && !e.RoutePattern.RawText.StartsWith("/v1/providers/", StringComparison.Ordinal))
            .ToList();

        endpoints.Count.ShouldBeGreaterThan(20);
        endpoints.ShouldAllBe(e => e.Metadata.GetOrderedMetadata<ScopeMetadata>().Select(m => m.Scope).Distinct().Count() == 1);
    }

    private async Task<(string Id, string ReturnPath)> SendDeliveredAsync(string to)
    {
        var id = (await Host.SendAsync(new { type = "integration-alert", to, data = new { integration = "Slack", problem = "x" } })).GetProperty("id").GetString()!;
        await Host.WaitForStatusAsync(id, "delivered");
        return (id, await BounceMailer.ReturnPathOfAsync(Host, id));
    }
}
