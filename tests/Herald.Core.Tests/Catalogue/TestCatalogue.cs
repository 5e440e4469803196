using Herald.Core.Catalogue;

namespace Herald.Core.Tests.Catalogue;

internal static class TestCatalogue
{
    public static NotificationTypeOptions MagicCode() => new()
    {
        Category = "sign-in",
        Priority = "critical",
        TimeToLive = TimeSpan.FromMinutes(10),
        Fields = { ["code"] = new FieldOptions { Secret = true }, ["name"] = new FieldOptions { Required = false } },
        Subject = "Your sign-in code for {{ name }}",
        Text = "Hello {{ name }}, your code is {{ code }}.",
        Html = "<p>Hello {{ name }}, your code is <b>{{ code }}</b>.</p>",
    };

    public static readonly SenderOptions Sender = new() { Name = "Herald", Address = "notify@herald.example", Route = "default" };

    public static NotificationCatalogue Build(params (string Key, NotificationTypeOptions Options)[] types)
    {
        var result = CatalogueBuilder.Build(types.ToDictionary(t => t.Key, t => t.Options), Sender);
        result.Errors.ShouldBeEmpty();
        return result.Catalogue!;
    }

    public static NotificationCatalogue Default() => Build(("magic-code", MagicCode()));
}
