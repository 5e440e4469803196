using System.Net;
using System.Net.Http.Json;
using Herald.Server.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Herald.Server.Tests.Recipients;

/// <summary>Preferences applied at send time, and one-click unsubscribe (RFC 8058), against a real SMTP server.</summary>
public sealed class PreferenceTests : IAsyncLifetime
{
    private static readonly object Report = new { report = "Trip to Lyon", approver = "Bo" };
    private ScriptedSmtpServer _smtp = null!;
    private HeraldTestHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _smtp = new ScriptedSmtpServer();
        _host = await HeraldTestHost.StartAsync(_smtp.Port);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task A_category_turned_off_skips_the_message_and_the_event_names_the_preference_and_when()
    {
        await _host.CreateAsync("u-off", "off@example.com");
        (await _host.SetPreferenceAsync("u-off", "report-actions", false)).Status.ShouldBe(HttpStatusCode.OK);

        var id = await _host.SendToRecipientAsync("report-approved", "u-off", Report);
        var message = await _host.WaitForStatusAsync(id, "skipped");
        var detail = Timeline.Last(message, "skipped").GetProperty("detail").GetString()!;
        detail.ShouldContain("turned off 'report-actions' emails on 20");
        detail.ShouldContain("through the application");
        _smtp.Data.ShouldBeEmpty();

        var recipient = await _host.GetRecipientAsync("u-off");
        var entry = recipient.GetProperty("messages").EnumerateArray().ShouldHaveSingleItem();
        entry.GetProperty("status").GetString().ShouldBe("skipped");
        entry.GetProperty("reason").GetString().ShouldBe(detail);
    }

    [Fact]
    public async Task A_category_that_may_not_be_opted_out_of_answers_409_saying_why()
    {
        await _host.CreateAsync("u-409", "mandatory@example.com");
        var (status, problem) = await _host.SetPreferenceAsync("u-409", "sign-in", false);
        status.ShouldBe(HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString()!.ShouldContain("cannot be turned off");
        problem.GetProperty("detail").GetString()!.ShouldContain("magic-code");
        (await _host.PreferenceAsync("u-409", "sign-in")).GetProperty("enabled").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task One_click_POST_is_persisted_before_the_answer_and_the_next_message_of_that_category_is_skipped()
    {
        await _host.CreateAsync("u-click", "click@example.com");
        await _host.WaitForStatusAsync(await _host.SendToRecipientAsync("report-approved", "u-click", Report), "delivered");
        var mail = await _smtp.WaitForMailAsync("click@example.com");
        mail.Headers["List-Unsubscribe-Post"].ShouldBe("List-Unsubscribe=One-Click");

        var (status, page) = await _host.PostFormAsync(RecipientClient.UnsubscribePath(mail), "List-Unsubscribe=One-Click");
        status.ShouldBe(HttpStatusCode.OK, page);
        // Read straight from the file after the answer: the change was committed before Herald answered.
        (await StoredPreferenceAsync("u-click", "report-actions")).ShouldBe("0 one-click");

        var next = await _host.SendToRecipientAsync("report-rejected", "u-click", Report);
        var detail = Timeline.Last(await _host.WaitForStatusAsync(next, "skipped"), "skipped").GetProperty("detail").GetString()!;
        detail.ShouldContain("'report-actions'");
        detail.ShouldContain("one-click unsubscribe");
    }

    [Fact]
    public async Task GET_of_the_unsubscribe_link_shows_a_button_and_changes_nothing()
    {
        await _host.CreateAsync("u-get", "get@example.com");
        await _host.WaitForStatusAsync(await _host.SendToRecipientAsync("report-approved", "u-get", Report), "delivered");
        var path = RecipientClient.UnsubscribePath(await _smtp.WaitForMailAsync("get@example.com"));

        for (var i = 0; i < 3; i++)
        {
            var (status, page) = await _host.GetPageAsync(path);
            status.ShouldBe(HttpStatusCode.OK);
            page.ShouldContain("<form method=\"post\" action=\"" + path + "\">");
        }

        (await StoredPreferenceAsync("u-get", "report-actions")).ShouldBeNull();
        (await _host.PreferenceAsync("u-get", "report-actions")).GetProperty("enabled").GetBoolean().ShouldBeTrue();
        await _host.WaitForStatusAsync(await _host.SendToRecipientAsync("report-rejected", "u-get", Report), "delivered");
    }

    [Fact]
    public async Task A_token_for_one_recipient_cannot_change_another_recipients_preferences()
    {
        await _host.CreateAsync("u-mine", "mine@example.com");
        await _host.CreateAsync("u-theirs", "theirs@example.com");
        await _host.WaitForStatusAsync(await _host.SendToRecipientAsync("report-approved", "u-mine", Report), "delivered");
        var token = RecipientClient.UnsubscribePath(await _smtp.WaitForMailAsync("mine@example.com"))["/unsubscribe/".Length..];
        var mac = token[(token.IndexOf('.') + 1)..];

        // The payload names another recipient (or another category) but keeps the genuine signature of the first.
        var forged = new[]
        {
            System.Buffers.Text.Base64Url.EncodeToString("u-theirs\nreport-actions"u8) + "." + mac,
            System.Buffers.Text.Base64Url.EncodeToString("u-mine\nintegrations"u8) + "." + mac,
            token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1],
            "not-a-token",
        };
        foreach (var bad in forged)
        {
            (await _host.PostFormAsync("/unsubscribe/" + bad, "List-Unsubscribe=One-Click")).Status.ShouldBe(HttpStatusCode.BadRequest, bad);
        }

        (await StoredPreferenceAsync("u-theirs", "report-actions")).ShouldBeNull();
        (await StoredPreferenceAsync("u-mine", "integrations")).ShouldBeNull();
        (await StoredPreferenceAsync("u-mine", "report-actions")).ShouldBeNull();
    }

    [Fact]
    public async Task Mail_that_cannot_be_turned_off_carries_no_unsubscribe_link()
    {
        await _host.CreateAsync("u-code", "code@example.com");
        await _host.WaitForStatusAsync(await _host.SendToRecipientAsync("magic-code", "u-code", new { code = "123456" }), "delivered");
        (await _smtp.WaitForMailAsync("code@example.com")).Headers.Contains("List-Unsubscribe").ShouldBeFalse();
    }

    [Fact]
    public async Task Sending_to_a_recipient_goes_to_its_primary_or_to_a_named_address_of_it()
    {
        await _host.CreateAsync("u-to", "primary@example.com", "second@example.com");
        var primary = await _host.SendToRecipientAsync("magic-code", "u-to", new { code = "111111" });
        (await _host.GetMessageAsync(primary)).GetProperty("to").GetString().ShouldBe("primary@example.com");

        var named = await _host.SendAsync(new { type = "magic-code", to = new { recipient = "u-to", address = "SECOND@example.com" }, data = new { code = "1" } });
        (await _host.GetMessageAsync(named.GetProperty("id").GetString()!)).GetProperty("to").GetString().ShouldBe("second@example.com");

        using var unknown = await _host.Http.PostAsJsonAsync("/v1/messages", new { type = "magic-code", to = new { recipient = "nobody" }, data = new { code = "1" } });
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknown.Content.ReadAsStringAsync()).ShouldContain("to.recipient");
        using var stranger = await _host.Http.PostAsJsonAsync("/v1/messages", new { type = "magic-code", to = new { recipient = "u-to", address = "x@example.com" }, data = new { code = "1" } });
        stranger.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await stranger.Content.ReadAsStringAsync()).ShouldContain("to.address");
    }

    /// <summary>"enabled source" as stored in the SQLite file, or null when no row exists.</summary>
    private async Task<string?> StoredPreferenceAsync(string recipient, string category)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_host.DataDirectory, "herald.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT enabled || ' ' || source FROM recipient_preferences WHERE recipient_id = $r AND category = $c";
        command.Parameters.AddWithValue("$r", recipient);
        command.Parameters.AddWithValue("$c", category);
        return await command.ExecuteScalarAsync() as string;
    }
}
