using System.Net;
using System.Net.Http.Json;
using Herald.Server.Tests.Support;

namespace Herald.Server.Tests.Access;

/// <summary>The quick start: development mailbox, loopback only, so anonymous calls are allowed (the README's two commands).</summary>
public sealed class QuickStartAccessTests : IAsyncLifetime
{
    private HeraldTestHost _host = null!;

    public async ValueTask InitializeAsync() =>
        _host = await HeraldTestHost.StartAsync(null, new() { ["Herald:Smtp:DevMailbox:Port"] = "0" });

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Anonymous_calls_work_in_the_quick_start_but_a_bad_key_is_still_refused()
    {
        using var anonymous = new HttpClient { BaseAddress = _host.Http.BaseAddress };
        using var sent = await anonymous.PostAsJsonAsync("/v1/messages", new { type = "magic-code", to = "ana@example.com", data = new { code = "493817" } });
        sent.StatusCode.ShouldBe(HttpStatusCode.Accepted);

        anonymous.DefaultRequestHeaders.Authorization = new("Bearer", "hk_0000000000000000_00000000000000000000000000000000");
        using var refused = await anonymous.GetAsync("/v1/recipients/ana@example.com/messages");
        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
