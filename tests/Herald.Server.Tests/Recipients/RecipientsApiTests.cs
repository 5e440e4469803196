using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Herald.Server.Tests.Support;

namespace Herald.Server.Tests.Recipients;

public sealed class RecipientsApiTests : IAsyncLifetime
{
    private HeraldTestHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await HeraldTestHost.StartAsync(smtpPort: null);

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private async Task<(HttpStatusCode Status, JsonElement Body)> CallAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await _host.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private static string[] Addresses(JsonElement recipient) =>
        recipient.GetProperty("addresses").EnumerateArray()
            .Select(a => a.GetProperty("address").GetString() + (a.GetProperty("primary").GetBoolean() ? "*" : "")).ToArray();

    [Fact]
    public async Task Addresses_are_added_made_primary_and_removed_and_the_primary_only_goes_last()
    {
        await _host.CreateAsync("r-1", "one@example.com");
        var (added, body) = await CallAsync(HttpMethod.Post, "/v1/recipients/r-1/addresses", new { address = "Two@Example.com" });
        added.ShouldBe(HttpStatusCode.OK);
        Addresses(body).ShouldBe(["one@example.com*", "Two@example.com"]);

        (await CallAsync(HttpMethod.Delete, "/v1/recipients/r-1/addresses/one%40example.com")).Status.ShouldBe(HttpStatusCode.Conflict);
        Addresses((await CallAsync(HttpMethod.Post, "/v1/recipients/r-1/addresses/two%40example.com/primary")).Body).ShouldBe(["Two@example.com*", "one@example.com"]);
        Addresses((await CallAsync(HttpMethod.Delete, "/v1/recipients/r-1/addresses/one%40example.com")).Body).ShouldBe(["Two@example.com*"]);
        (await CallAsync(HttpMethod.Delete, "/v1/recipients/r-1/addresses/one%40example.com")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_address_belongs_to_one_recipient_and_ids_never_contain_an_at_sign()
    {
        await _host.CreateAsync("r-2", "taken@example.com");
        var (conflict, problem) = await CallAsync(HttpMethod.Post, "/v1/recipients", new { id = "r-3", addresses = new[] { "TAKEN@example.com" } });
        conflict.ShouldBe(HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString()!.ShouldContain("belongs to another recipient");
        (await CallAsync(HttpMethod.Post, "/v1/recipients", new { id = "r-2", addresses = Array.Empty<string>() })).Status.ShouldBe(HttpStatusCode.Conflict);

        var (invalid, errors) = await CallAsync(HttpMethod.Post, "/v1/recipients", new { id = "ana@example.com", addresses = new[] { "not an address" } });
        invalid.ShouldBe(HttpStatusCode.BadRequest);
        errors.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order().ShouldBe(["addresses[0]", "id"]);
        (await CallAsync(HttpMethod.Get, "/v1/recipients/nobody")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Recipient_routes_and_address_routes_do_not_clash()
    {
        await _host.CreateAsync("r-4", "clash@example.com");
        (await CallAsync(HttpMethod.Get, "/v1/recipients/r-4")).Body.GetProperty("id").GetString().ShouldBe("r-4");
        var (status, page) = await CallAsync(HttpMethod.Get, "/v1/recipients/clash%40example.com/messages");
        status.ShouldBe(HttpStatusCode.OK);
        page.GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Preferences_list_every_category_with_its_default_and_an_unknown_category_is_404()
    {
        await _host.CreateAsync("r-5", "prefs@example.com");
        var (status, list) = await CallAsync(HttpMethod.Get, "/v1/recipients/r-5/preferences");
        status.ShouldBe(HttpStatusCode.OK);
        var byCategory = list.EnumerateArray().ToDictionary(p => p.GetProperty("category").GetString()!);
        byCategory.Keys.ShouldContain("report-actions");
        byCategory["report-actions"].GetProperty("optOut").GetBoolean().ShouldBeTrue();
        byCategory["report-actions"].GetProperty("isDefault").GetBoolean().ShouldBeTrue();
        byCategory["account-validation"].GetProperty("optOut").GetBoolean().ShouldBeFalse();

        (await _host.SetPreferenceAsync("r-5", "no-such-thing", false)).Status.ShouldBe(HttpStatusCode.NotFound);
        (await _host.SetPreferenceAsync("nobody", "report-actions", false)).Status.ShouldBe(HttpStatusCode.NotFound);
        var (on, preference) = await _host.SetPreferenceAsync("r-5", "report-actions", false);
        on.ShouldBe(HttpStatusCode.OK);
        preference.GetProperty("isDefault").GetBoolean().ShouldBeFalse();
    }
}
