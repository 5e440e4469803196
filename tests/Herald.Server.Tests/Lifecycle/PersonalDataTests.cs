using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Herald.Core.Access;
using Herald.Server.Tests.Feedback;
using Herald.Server.Tests.Recipients;
using Herald.Server.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Server.Tests.Lifecycle;

/// <summary>Erasure and export of one person's data (issue 17): real Herald, real scripted SMTP server on 127.0.0.1.</summary>
public sealed class PersonalDataTests : IAsyncLifetime
{
    private const string Gone = "gone.person@example.com";
    private const string Other = "someone.else@example.com";

    private ScriptedHerald _herald = null!;

    private HeraldTestHost Host => _herald.Host;

    private static ServerAction? Rules(string recipient, string verb, int count) =>
        recipient.StartsWith("gone.", StringComparison.Ordinal) && verb == "RCPT"
            ? new ServerAction.Reply("550 5.1.1 <" + recipient + ">: Recipient address rejected: User unknown in virtual mailbox table")
            : null;

    public async ValueTask InitializeAsync() => _herald = await ScriptedHerald.StartAsync(Rules);

    public async ValueTask DisposeAsync() => await _herald.DisposeAsync();

    [Fact]
    public async Task After_an_erasure_no_file_of_the_data_folder_holds_the_address_and_a_later_send_to_it_is_still_suppressed()
    {
        await Host.CreateAsync("u-gone", Gone);
        await Host.SetPreferenceAsync("u-gone", "report-actions", false);
        var bounced = await SendAlertAsync(Gone);
        await Host.WaitForStatusAsync(bounced, "failed");
        await RecipientStatus.WaitForAsync(Host, Gone, "suspended");
        await Host.WaitForStatusAsync(await SendAlertAsync(Other), "delivered");
        Contains(DataFolderBytes(), Gone).ShouldBeTrue("the test must see the address before the erasure");

        using var response = await Host.Http.DeleteAsync("/v1/recipients/u-gone");
        var receipt = await response.Content.ReadFromJsonAsync<JsonElement>();

        response.StatusCode.ShouldBe(HttpStatusCode.OK, receipt.ToString());
        receipt.GetProperty("suppressionsKept").GetInt32().ShouldBe(1);
        // The WAL is checkpointed (TRUNCATE) once the writer has been idle for 100 ms: poll for it, then grep every file.
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (Contains(DataFolderBytes(), Gone) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        var files = DataFolderBytes();
        Contains(files, Gone).ShouldBeFalse("no file of the data folder may hold the erased address");
        Contains(files, Other).ShouldBeTrue("the other person's data stays");
        (await Host.Http.GetAsync($"/v1/messages/{bounced}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Host.Http.GetAsync("/v1/recipients/u-gone")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        Audit().ShouldBe([(receipt.GetProperty("id").GetString(), "key:tests")]);

        var again = await Host.SendAsync(new { type = "integration-alert", to = Gone, data = new { integration = "Slack", problem = "x" } });
        again.GetProperty("status").GetString().ShouldBe("suppressed");
        again.GetProperty("reason").GetString()!.ShouldContain("hard-bounce");
    }

    [Fact]
    public async Task An_export_holds_the_recipient_its_preferences_ledger_and_messages_but_no_secret_field()
    {
        await Host.CreateAsync("u-export", "export.me@example.com");
        await Host.SetPreferenceAsync("u-export", "integrations", false);
        var code = await Host.SendToRecipientAsync("magic-code", "u-export", new { code = "731902", name = "Exporter" });
        await Host.WaitForStatusAsync(code, "delivered");

        using var response = await Host.Http.GetAsync("/v1/recipients/u-export/export");
        var text = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        text.ShouldNotContain("731902");
        var export = JsonDocument.Parse(text).RootElement;
        export.GetProperty("recipient").GetProperty("id").GetString().ShouldBe("u-export");
        export.GetProperty("recipient").GetProperty("addresses")[0].GetProperty("address").GetString().ShouldBe("export.me@example.com");
        export.GetProperty("preferences")[0].GetProperty("category").GetString().ShouldBe("integrations");
        export.GetProperty("addresses")[0].GetProperty("address").GetString().ShouldBe("export.me@example.com");
        var message = export.GetProperty("messages").EnumerateArray().Single();
        message.GetProperty("id").GetString().ShouldBe(code);
        message.GetProperty("status").GetString().ShouldBe("delivered");
        message.GetProperty("data").GetProperty("name").GetString().ShouldBe("Exporter");
        message.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("type").GetString()).ShouldContain("delivered");
    }

    [Fact]
    public async Task An_address_without_a_recipient_is_exported_and_erased_by_the_address()
    {
        var id = await SendAlertAsync(Other);
        await Host.WaitForStatusAsync(id, "delivered");

        var export = await Host.Http.GetFromJsonAsync<JsonElement>($"/v1/recipients/{Uri.EscapeDataString(Other)}/export");
        export.GetProperty("messages").GetArrayLength().ShouldBe(1);
        using var erased = await Host.Http.DeleteAsync($"/v1/recipients/{Uri.EscapeDataString(Other)}");

        erased.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Host.Http.GetAsync($"/v1/messages/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_unknown_recipient_is_404_a_malformed_one_400_naming_the_field_and_a_key_without_operator_403()
    {
        (await Host.Http.DeleteAsync("/v1/recipients/nobody-here")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var bad = await Host.Http.GetAsync("/v1/recipients/%20bad%20id/export");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("id", out _).ShouldBeTrue();

        var key = (KeyCreation.Created)await Host.Services.GetRequiredService<ApiKeyService>().CreateAsync("app", [Scopes.Recipients], CancellationToken.None);
        using var request = new HttpRequestMessage(HttpMethod.Delete, "/v1/recipients/u-1");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key.Token);
        (await Host.Http.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private async Task<string> SendAlertAsync(string to) =>
        (await Host.SendAsync(new { type = "integration-alert", to, data = new { integration = "Slack", problem = "token expired" } })).GetProperty("id").GetString()!;

    private string DataFolderBytes()
    {
        var text = new StringBuilder();
        foreach (var file in Directory.GetFiles(Host.DataDirectory, "*", SearchOption.AllDirectories))
        {
            // Shared reading: the server holds the files open.
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            text.Append(Encoding.Latin1.GetString(copy.ToArray()));
        }

        return text.ToString();
    }

    private static bool Contains(string haystack, string address) => haystack.Contains(address, StringComparison.OrdinalIgnoreCase);

    private List<(string? Id, string Actor)> Audit()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(Host.DataDirectory, "herald.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, actor FROM erasures";
        using var r = command.ExecuteReader();
        var rows = new List<(string?, string)>();
        while (r.Read())
        {
            rows.Add((r.GetString(0), r.GetString(1)));
        }

        return rows;
    }
}
