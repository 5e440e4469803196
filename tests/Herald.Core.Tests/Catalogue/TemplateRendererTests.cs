using System.Text.Json;
using Herald.Core.Catalogue;

namespace Herald.Core.Tests.Catalogue;

public sealed class TemplateRendererTests
{
    private static RenderedContent Render(string json) =>
        TemplateRenderer.Render(TestCatalogue.Default().Find("magic-code")!, JsonDocument.Parse(json).RootElement, "ana@example.com");

    [Fact]
    public void Html_encodes_data_so_markup_in_a_name_is_shown_as_text()
    {
        var content = Render("""{"code":"123456","name":"<script>alert(1)</script> & co"}""");
        content.Html.ShouldBe("<p>Hello &lt;script&gt;alert(1)&lt;/script&gt; &amp; co, your code is <b>123456</b>.</p>");
    }

    [Fact]
    public void The_text_part_is_not_html_encoded()
    {
        var content = Render("""{"code":"123456","name":"Ana & Bo"}""");
        content.Text.ShouldBe("Hello Ana & Bo, your code is 123456.");
    }

    [Fact]
    public void Line_breaks_in_data_cannot_add_a_header_through_the_subject()
    {
        var content = Render("""{"code":"1","name":"Ana\r\nBcc: eve@example.com"}""");
        content.Subject.ShouldBe("Your sign-in code for Ana Bcc: eve@example.com");
        content.Subject.ShouldNotContain("\n");
    }

    [Fact]
    public void Numbers_and_nested_objects_render()
    {
        var options = TestCatalogue.MagicCode();
        options.Fields["report"] = new FieldOptions();
        options.Text = "{{ report.title }} ({{ report.total }}) {{ code }}";
        var type = TestCatalogue.Build(("magic-code", options)).Find("magic-code")!;
        TemplateRenderer.Render(type, JsonDocument.Parse("""{"code":7,"report":{"title":"Trip","total":12.5}}""").RootElement, "a@example.com")
            .Text.ShouldBe("Trip (12.5) 7");
    }
}
