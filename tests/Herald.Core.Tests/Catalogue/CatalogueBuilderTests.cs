using Herald.Core.Catalogue;
using Herald.Core.Messages;

namespace Herald.Core.Tests.Catalogue;

public sealed class CatalogueBuilderTests
{
    private static IReadOnlyList<string> Errors(NotificationTypeOptions options) =>
        CatalogueBuilder.Build(new Dictionary<string, NotificationTypeOptions> { ["magic-code"] = options }, TestCatalogue.Sender).Errors;

    [Fact]
    public void A_valid_type_compiles_with_its_settings()
    {
        var type = TestCatalogue.Default().Find("magic-code")!;
        type.Priority.ShouldBe(Priority.Critical);
        type.TimeToLive.ShouldBe(TimeSpan.FromMinutes(10));
        type.SecretFields.ShouldBe(["code"]);
        type.Sender.Route.ShouldBe("default");
    }

    [Fact]
    public void An_unknown_template_variable_is_named_at_start_up()
    {
        var options = TestCatalogue.MagicCode();
        options.Text = "Your code is {{ cod }}.";
        Errors(options).ShouldBe(["Herald:Catalogue:magic-code:Text: unknown variable 'cod' (declare it under Fields)"]);
    }

    [Fact]
    public void A_template_that_does_not_parse_is_named_at_start_up()
    {
        var options = TestCatalogue.MagicCode();
        options.Html = "<p>{% if code %}unclosed</p>";
        Errors(options).ShouldHaveSingleItem().ShouldStartWith("Herald:Catalogue:magic-code:Html: template does not parse");
    }

    [Fact]
    public void Bad_priority_ttl_and_missing_subject_are_all_reported_together()
    {
        var options = TestCatalogue.MagicCode();
        options.Priority = "urgent";
        options.TimeToLive = null;
        options.Subject = null;
        var errors = Errors(options);
        errors.Count.ShouldBe(3);
        errors.ShouldContain(e => e.Contains("Priority"));
        errors.ShouldContain(e => e.Contains("TimeToLive"));
        errors.ShouldContain(e => e.Contains("Subject"));
    }

    [Fact]
    public void Loop_variables_and_the_built_in_recipient_are_not_unknown()
    {
        var options = TestCatalogue.MagicCode();
        options.Fields["items"] = new FieldOptions { Required = false };
        options.Text = "{% for item in items %}{{ item }}{% endfor %} to {{ to }} {{ code }}";
        Errors(options).ShouldBeEmpty();
    }

    [Fact]
    public void A_sender_without_a_valid_address_is_refused()
    {
        var result = CatalogueBuilder.Build(
            new Dictionary<string, NotificationTypeOptions> { ["magic-code"] = TestCatalogue.MagicCode() },
            new SenderOptions { Address = "not an address" });
        result.Errors.ShouldHaveSingleItem().ShouldContain("Sender:Address");
    }
}
