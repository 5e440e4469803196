using System.Text.Json;
using Herald.Core.Catalogue;

namespace Herald.Core.Tests.Catalogue;

/// <summary>The layout frames a type's rendered message: the HTML message as is (already encoded), everything else encoded.</summary>
public sealed class MailLayoutTests
{
    private static MailLayout Layout(string html = "<h1>{{ product }}</h1>{{ content | raw }}<p>{{ category }} · {{ settings_url }}</p>",
        string text = "{{ product }}\n\n{{ content }}\n\n{{ category }}: {{ settings_url }}\n")
    {
        var errors = new List<string>();
        var layout = MailLayout.Parse("Acme & Co", html, "layout.html", text, "layout.txt", errors);
        errors.ShouldBeEmpty();
        return layout!;
    }

    [Fact]
    public void The_message_is_framed_once_in_both_parts_and_template_data_stays_encoded_inside_the_frame()
    {
        var catalogue = TestCatalogue.Default();
        var type = catalogue.Find("magic-code")!;
        using var data = JsonDocument.Parse("""{"code":"123456","name":"<script>"}""");

        var content = TemplateRenderer.Render(type, data.RootElement, "ana@example.com", new LayoutFrame(Layout(), "Sign-in codes", "https://h.example/preferences/t"));

        content.Html.ShouldBe("<h1>Acme &amp; Co</h1><p>Hello &lt;script&gt;, your code is <b>123456</b>.</p><p>Sign-in codes · https://h.example/preferences/t</p>");
        content.Text.ShouldBe("Acme & Co\n\nHello <script>, your code is 123456.\n\nSign-in codes: https://h.example/preferences/t\n");
        content.Subject.ShouldBe("Your sign-in code for <script>");
    }

    [Fact]
    public void Without_a_frame_a_type_renders_alone_as_before()
    {
        var type = TestCatalogue.Default().Find("magic-code")!;
        using var data = JsonDocument.Parse("""{"code":"123456","name":"Ana"}""");

        TemplateRenderer.Render(type, data.RootElement, "ana@example.com").Html.ShouldBe("<p>Hello Ana, your code is <b>123456</b>.</p>");
    }

    [Fact]
    public void A_layout_that_drops_the_message_or_reads_an_unknown_variable_is_refused_naming_its_file()
    {
        var errors = new List<string>();

        MailLayout.Parse(" ", "<p>{{ product }}</p>", "layout.html", "{{ content }} {{ code }}", "layout.txt", errors).ShouldBeNull();

        errors.ShouldBe(
        [
            "Herald:Layout:ProductName: required, the name shown in the header of every email",
            "layout.html: never shows {{ content }}, the message itself",
            "layout.txt: unknown variable 'code' (a layout may read content, subject, product, category, settings_url, to)",
        ]);
    }

    [Fact]
    public void A_sample_value_for_a_field_the_type_does_not_declare_is_a_configuration_error()
    {
        var options = TestCatalogue.MagicCode();
        options.Sample["cod"] = "123456";

        CatalogueBuilder.Build(new Dictionary<string, NotificationTypeOptions> { ["magic-code"] = options }, TestCatalogue.Sender).Errors
            .ShouldBe(["Herald:Catalogue:magic-code:Sample:cod: not a field of the type (declare it under Fields)"]);
    }
}
