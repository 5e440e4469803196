using System.Net.Http.Json;
using Herald.Server.Tests.Recipients;
using Herald.Server.Tests.Support;
using MimeKit;

namespace Herald.Server.Tests.Configuration;

/// <summary>
/// An operator replaces the layout once (<c>Herald:Layout:Folder</c>), for every type: the mail Herald sends carries it,
/// and a layout that cannot work is named at start-up like every other setting.
/// </summary>
public sealed class LayoutOverrideTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("herald-layout-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task The_operators_layout_folder_frames_every_email_and_a_file_it_lacks_stays_the_shipped_one()
    {
        await File.WriteAllTextAsync(Path.Combine(_dir, "layout.html"),
            "<html lang=\"en\"><body><header class=\"acme\">{{ product }}</header>{{ content | raw }}<footer>{{ category }}" +
            "{% if settings_url %} <a href=\"{{ settings_url }}\">Settings</a>{% endif %}</footer></body></html>");
        await using var host = await HeraldTestHost.StartAsync(smtpPort: null, new()
        {
            ["Herald:Layout:Folder"] = _dir,
            ["Herald:Layout:ProductName"] = "Acme <Expenses>",
        });
        await host.CreateAsync("u-ana", "ana@example.com");

        foreach (var (type, data) in new (string, object)[]
        {
            ("magic-code", new { code = "112358" }),
            ("report-approved", new { report = "Trip to Lyon", approver = "Bo" }),
        })
        {
            var id = (await host.SendAsync(new { type, to = "ana@example.com", data })).GetProperty("id").GetString()!;
            await host.WaitForStatusAsync(id, "caught");
            var mail = await CaughtAsync(host, id);

            mail.HtmlBody.ShouldStartWith("<html lang=\"en\"><body><header class=\"acme\">Acme &lt;Expenses&gt;</header><p>");
            mail.HtmlBody.ShouldContain("/preferences/");
            mail.HtmlBody.ShouldNotContain("prefers-color-scheme"); // the shipped HTML layout is replaced, not added to
            mail.TextBody.ShouldStartWith("Acme <Expenses>\n"); // no layout.txt in the folder: the shipped text layout
            mail.TextBody.ShouldContain("Manage your email settings: http://127.0.0.1:");
        }
    }

    [Fact]
    public void A_layout_folder_that_is_missing_or_a_layout_without_the_message_is_named_at_start_up()
    {
        var missing = Path.Combine(_dir, "nope");
        ConfigurationProbe.Check(new() { ["Herald:Layout:Folder"] = missing, ["environment"] = "Development" })
            .ShouldContain($"Herald:Layout:Folder: '{missing}' does not exist");

        var text = Path.Combine(_dir, "layout.txt");
        File.WriteAllText(text, "{{ product }}\n{{ nonsense }}\n");
        ConfigurationProbe.Check(new() { ["Herald:Layout:Folder"] = _dir, ["environment"] = "Development" }).ShouldBe(
        [
            $"{text}: never shows {{{{ content }}}}, the message itself",
            $"{text}: unknown variable 'nonsense' (a layout may read content, subject, product, category, settings_url, to)",
        ]);
    }

    private static async Task<MimeMessage> CaughtAsync(HeraldTestHost host, string messageId)
    {
        var list = await host.Http.GetFromJsonAsync<System.Text.Json.JsonElement>("/dev/mailbox");
        var item = list.EnumerateArray().First(m => m.GetProperty("messageId").GetString() == messageId);
        await using var raw = await host.Http.GetStreamAsync(item.GetProperty("raw").GetString());
        return await MimeMessage.LoadAsync(raw);
    }
}
