using System.Net;
using System.Text;
using Herald.Core.Catalogue;
using Herald.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Server.Tests.Api.DevTemplates;

/// <summary>
/// The shipped catalogue in its layout, as <c>/dev/templates</c> shows it: every type framed (header, message, footer
/// with why and the settings link, dark mode), under Gmail's clipping size, with a text part, and only sample data.
/// </summary>
public sealed class DevTemplatesTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>Gmail clips a message whose HTML passes about 102 KB ("[Message clipped]"); 100 KB leaves room for the headers and the settings link.</summary>
    private const int GmailClipBytes = 100 * 1024;

    private HeraldTestHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await HeraldTestHost.StartAsync(smtpPort: null);

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    public static TheoryData<string> ShippedTypes()
    {
        var data = new TheoryData<string>();
        foreach (var key in ConfigurationProbe.ShippedCatalogue().Types.Select(t => t.Key))
        {
            data.Add(key);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedTypes))]
    public async Task Every_shipped_type_is_previewed_in_the_layout_under_100_KB_with_a_matching_text_part(string key)
    {
        var catalogue = _host.Services.GetRequiredService<NotificationCatalogue>();
        var type = catalogue.Find(key)!;
        var category = catalogue.FindCategory(type.Category)!.DisplayName;

        var html = await _host.Http.GetStringAsync($"/dev/templates/{key}/html");
        var text = await _host.Http.GetStringAsync($"/dev/templates/{key}/text");

        var bytes = Encoding.UTF8.GetByteCount(html);
        output.WriteLine($"{key}: HTML {bytes} bytes, text {Encoding.UTF8.GetByteCount(text)} bytes");
        bytes.ShouldBeLessThan(GmailClipBytes, $"{key}'s HTML part would be clipped by Gmail");
        html.ShouldStartWith("<!DOCTYPE html>");
        html.ShouldContain("<meta name=\"color-scheme\" content=\"light dark\">");
        html.ShouldContain("@media (prefers-color-scheme: dark)");
        html.ShouldContain("<table role=\"presentation\"");
        html.ShouldContain(">Herald</td>"); // the header: Herald:Layout:ProductName
        html.ShouldContain(WebUtility.HtmlEncode(category));
        html.ShouldContain($"<a href=\"http://127.0.0.1:");
        html.ShouldContain("Manage your email settings</a>");
        text.ShouldStartWith("Herald\n");
        text.ShouldContain(category);
        text.ShouldContain("Manage your email settings: http://127.0.0.1:");
        foreach (var sample in type.SampleData.Values)
        {
            // Each sample value shows in the text part, so the text part says what the HTML says.
            text.ShouldContain(sample);
        }
    }

    [Fact]
    public async Task The_preview_page_shows_every_type_with_sample_data_never_a_real_messages_secret()
    {
        var id = (await _host.SendAsync(new { type = "magic-code", to = "ana@example.com", data = new { code = "918273", name = "Real Name" } }))
            .GetProperty("id").GetString()!;
        await _host.WaitForStatusAsync(id, "caught");

        var page = await _host.Http.GetStringAsync("/dev/templates");
        var catalogue = _host.Services.GetRequiredService<NotificationCatalogue>();
        foreach (var type in catalogue.Types)
        {
            page.ShouldContain($"<section id=\"{type.Key}\">");
        }

        page.ShouldContain("493817"); // magic-code's sample code
        var everything = page + await _host.Http.GetStringAsync("/dev/templates/magic-code/html") + await _host.Http.GetStringAsync("/dev/templates/magic-code/text");
        everything.ShouldNotContain("918273");
        everything.ShouldNotContain("Real Name");
        everything.ShouldContain("/preferences/preview-sample"); // a settings link that opens nothing, never a recipient's token
    }

    [Fact]
    public async Task An_unknown_type_is_not_found()
    {
        using var response = await _host.Http.GetAsync("/dev/templates/no-such-type/html");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
