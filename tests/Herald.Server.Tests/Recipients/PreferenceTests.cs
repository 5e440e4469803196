using System.Net;
using System.Net.Http.Json;
using Herald.Server.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Herald.Server.Tests.Recipients;

/// <summary>Preferences applied at send time, and one-click unsubscribe (RFC 8058), against a real SMTP server.</summary>
public sealed class PreferenceTests : HostedHeraldTests
{
    private static readonly object Report = new { report = "Trip to Lyon", approver = "Bo" };
    [Fact]
    public async Task A_category_turned_off_skips_the_message_and_the_event_names_the_preference_and_when()
    {
        await Host.CreateAsync("u-off", "off@example.com");
        (await Host.SetPreferenceAsync("u-off", "report-actions", false)).Status.ShouldBe(HttpStatusCode.OK);

        var id = await Host.SendToRecipientAsync("report-approved", "u-off", Report);
        var message = await Host.WaitForStatusAsync(id, "skipped");
        var detail = Timeline.Last(message, "skipped").GetProperty("detail").GetString()!;
        detail.ShouldContain("turned off 'report-actions' emails on 20");
        detail.ShouldContain("through the application");
        Smtp.Data.ShouldBeEmpty();

        var recipient = await Host.GetRecipientAsync("u-off");
        var entry = recipient.GetProperty("messages").EnumerateArray().ShouldHaveSingleItem();
        entry.GetProperty("status").GetString().ShouldBe("skipped");
        entry.GetProperty("reason").GetString().ShouldBe(detail);
    }

    [Fact]
    public async Task A_category_that_may_not_be_opted_out_of_answers_409_saying_why()
    {
        await Host.CreateAsync("u-409", "mandatory@example.com");
        var (status, problem) = await Host.SetPreferenceAsync("u-409", "sign-in", false);
        status.ShouldBe(HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString()!.ShouldContain("cannot be turned off");
        problem.GetProperty("detail").GetString()!.ShouldContain("magic-code");
        (await Host.PreferenceAsync("u-409", "sign-in")).GetProperty("enabled").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task One_click_POST_is_persisted_before_the_answer_and_the_next_message_of_that_category_is_skipped()
    {
        await Host.CreateAsync("u-click", "click@example.com");
        await Host.WaitForStatusAsync(await Host.SendToRecipientAsync("report-approved", "u-click", Report), "delivered");
        var mail = await Smtp.WaitForMailAsync("click@example.com");
        mail.Headers["List-Unsubscribe-Post"].ShouldBe("List-Unsubscribe=One-Click");

        var (status, page) = await Host.PostFormAsync(RecipientClient.UnsubscribePath(mail), "List-Unsubscribe=One-Click");
        status.ShouldBe(HttpStatusCode.OK, page);
        // Read straight from the file after the answer: the change was committed before Herald answered.
        (await StoredPreferenceAsync("u-click", "report-actions")).ShouldBe("0 one-click");

        var next = await Host.SendToRecipientAsync("report-rejected", "u-click", Report);
        var detail = Timeline.Last(await Host.WaitForStatusAsync(next, "skipped"), "skipped").GetProperty("detail").GetString()!;
        detail.ShouldContain("'report-actions'");
        detail.ShouldContain("one-click unsubscribe");
    }

    [Fact]
    public async Task GET_of_the_unsubscribe_link_shows_a_button_and_changes_nothing()
    {
        await Host.CreateAsync("u-get", "get@example.com");
        await Host.WaitForStatusAsync(await Host.SendToRecipientAsync("report-approved", "u-get", Report), "delivered");
        var path = RecipientClient.UnsubscribePath(await Smtp.WaitForMailAsync("get@example.com"));

        for (var i = 0; i < 3; i++)
        {
            var (status, page) = await Host.GetPageAsync(path);
            status.ShouldBe(HttpStatusCode.OK);
            page.ShouldContain("<form method=\"post\" action=\"" + path + "\">");
        }

        (await StoredPreferenceAsync("u-get", "report-actions")).ShouldBeNull();
        (await Host.PreferenceAsync("u-get", "report-actions")).GetProperty("enabled").GetBoolean().ShouldBeTrue();
        await Host.WaitForStatusAsync(await Host.SendToRecipientAsync("report-rejected", "u-get", Report), "delivered");
    }

    [Fact]
    public async Task A_token_for_one_recipient_cannot_change_another_recipients_preferences()
    {
        await Host.CreateAsync("u-mine", "mine@example.com");
        await Host.CreateAsync("u-theirs", "theirs@example.com");
        await Host.WaitForStatusAsync(await Host.SendToRecipientAsync("report-approved", "u-mine", Report), "delivered");
        var token = RecipientClient.UnsubscribePath(await Smtp.WaitForMailAsync("mine@example.com"))["/unsubscribe/".Length..];
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
            (await Host.PostFormAsync("/unsubscribe/" + bad, "List-Unsubscribe=One-Click")).Status.ShouldBe(HttpStatusCode.BadRequest, bad);
        }

        (await StoredPreferenceAsync("u-theirs", "report-actions")).ShouldBeNull();
        (await StoredPreferenceAsync("u-mine", "integrations")).ShouldBeNull();
        (await StoredPreferenceAsync("u-mine", "report-actions")).ShouldBeNull();
    }

    [Fact]
    public async Task Mail_that_cannot_be_turned_off_carries_no_unsubscribe_link()
    {
        await Host.CreateAsync("u-code", "code@example.com");
        await Host.WaitForStatusAsync(await Host.SendToRecipientAsync("magic-code", "u-code", new { code = "123456" }), "delivered");
        (await Smtp.WaitForMailAsync("code@example.com")).Headers.Contains("List-Unsubscribe").ShouldBeFalse();
    }

    [Fact]
    public async Task Sending_to_a_recipient_goes_to_its_primary_or_to_a_named_address_of_it()
    {
        await Host.CreateAsync("u-to", "primary@example.com", "second@example.com");
        var primary = await Host.SendToRecipientAsync("magic-code", "u-to", new { code = "111111" });
        (await Host.GetMessageAsync(primary)).GetProperty("to").GetString().ShouldBe("primary@example.com");

        var named = await Host.SendAsync(new { type = "magic-code", to = new { recipient = "u-to", address = "SECOND@example.com" }, data = new { code = "1" } });
        (await Host.GetMessageAsync(named.GetProperty("id").GetString()!)).GetProperty("to").GetString().ShouldBe("second@example.com");

        using var unknown = await Host.Http.PostAsJsonAsync("/v1/messages", new { type = "magic-code", to = new { recipient = "nobody" }, data = new { code = "1" } });
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknown.Content.ReadAsStringAsync()).ShouldContain("to.recipient");
        using var stranger = await Host.Http.PostAsJsonAsync("/v1/messages", new { type = "magic-code", to = new { recipient = "u-to", address = "x@example.com" }, data = new { code = "1" } });
        stranger.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await stranger.Content.ReadAsStringAsync()).ShouldContain("to.address");
    }

    /// <summary>"enabled source" as stored in the SQLite file, or null when no row exists.</summary>
    private async Task<string?> StoredPreferenceAsync(string recipient, string category)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(Host.DataDirectory, "herald.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT enabled || ' ' || source FROM recipient_preferences WHERE recipient_id = $r AND category = $c";
        command.Parameters.AddWithValue("$r", recipient);
        command.Parameters.AddWithValue("$c", category);
        return await command.ExecuteScalarAsync() as string;
    }
}
