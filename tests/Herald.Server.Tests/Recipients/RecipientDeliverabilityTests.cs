using System.Net;
using System.Net.Http.Json;
using Herald.Server.Tests.Support;

namespace Herald.Server.Tests.Recipients;

/// <summary>Each address of a recipient shows whether Herald is emailing it: the data behind the yellow and gray boxes.</summary>
public sealed class RecipientDeliverabilityTests : IAsyncLifetime
{
    private HeraldTestHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await HeraldTestHost.StartAsync(smtpPort: null);

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_suspended_secondary_address_shows_suspended_while_the_primary_is_ok()
    {
        await _host.CreateAsync("u_7", "ana@example.com", "old@example.com");
        using var suspend = await _host.Http.PostAsJsonAsync("/v1/suppressions", new { address = "old@example.com", @operator = "sam", note = "mailbox closed" });
        suspend.StatusCode.ShouldBe(HttpStatusCode.OK, await suspend.Content.ReadAsStringAsync());

        var addresses = (await _host.GetRecipientAsync("u_7")).GetProperty("addresses").EnumerateArray()
            .ToDictionary(a => a.GetProperty("address").GetString()!, a => a.GetProperty("deliverability"));
        addresses["ana@example.com"].GetProperty("status").GetString().ShouldBe("ok");
        addresses["old@example.com"].GetProperty("status").GetString().ShouldBe("suspended");
        addresses["old@example.com"].GetProperty("showBanner").GetBoolean().ShouldBeTrue();
        addresses["old@example.com"].GetProperty("suspension").GetProperty("source").GetString().ShouldBe("operator");
    }
}
