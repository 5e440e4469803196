using System.Net.Http.Json;
using System.Text.Json;
using Herald.Server.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Herald.Server.Tests.Delivery;

/// <summary>
/// What the development mailbox catches reached nobody. The finding: every such message was reported <c>delivered</c>,
/// "accepted by the receiving mail server", and counted as a delivery to the address.
/// </summary>
public sealed class DevMailboxCaughtTests
{
    [Fact]
    public async Task Mail_the_development_mailbox_catches_is_caught_never_delivered_and_no_delivery_webhook_is_queued()
    {
        await using var host = await HeraldTestHost.StartAsync(smtpPort: null, new()
        {
            // An application that wants every delivery: a caught message must not be one of them.
            ["Herald:Feedback:Webhooks:app:Url"] = "http://127.0.0.1:9/hooks",
            ["Herald:Feedback:Webhooks:app:Secret"] = "whsec_" + Convert.ToBase64String(new byte[32]),
            ["Herald:Feedback:Webhooks:app:Events:0"] = "delivered",
        });
        var id = (await host.SendAsync(new { type = "magic-code", to = "ana@example.com", data = new { code = "271828" } })).GetProperty("id").GetString()!;

        var message = await host.WaitForStatusAsync(id, "caught");

        Timeline.Types(message).ShouldBe(["accepted", "attempt", "caught"]);
        var caught = Timeline.Last(message, "caught");
        caught.GetProperty("detail").GetString().ShouldBe("caught by the development mailbox, not sent to anyone");
        caught.GetProperty("smtpCode").GetInt32().ShouldBe(250);

        var listing = await host.Http.GetFromJsonAsync<JsonElement>("/v1/recipients/ana@example.com/messages");
        listing.GetProperty("items").EnumerateArray().Single(m => m.GetProperty("id").GetString() == id)
            .GetProperty("status").GetString().ShouldBe("caught");

        await using var db = new SqliteConnection($"Data Source={Path.Combine(host.DataDirectory, "herald.db")};Mode=ReadOnly;Pooling=False");
        await db.OpenAsync();
        await using var command = db.CreateCommand();
        command.CommandText = "SELECT (SELECT count(*) FROM webhook_outbox) + (SELECT count(*) FROM address_ledger)";
        ((long)(await command.ExecuteScalarAsync())!).ShouldBe(0, "neither a delivered webhook nor a ledger change for mail that reached nobody");
    }
}
