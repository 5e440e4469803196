using Herald.Server.Tests.Support;

namespace Herald.Server.Tests.Feedback;

public sealed class FeedbackConfigurationTests
{
    private static IReadOnlyList<string> Check(Dictionary<string, string?> settings) => ConfigurationProbe.Check(settings);

    [Fact]
    public void The_shipped_defaults_are_valid_in_Development() => Check(new() { ["environment"] = "Development" }).ShouldBeEmpty();

    [Fact]
    public void In_Production_the_shipped_defaults_lack_a_route_and_the_problem_names_Herald_Smtp_Routes()
    {
        Check([]).ShouldHaveSingleItem().ShouldStartWith("Herald:Smtp:Routes: no route is configured");
        Check(new() { ["environment"] = "Staging" }).ShouldHaveSingleItem().ShouldContain("not in Staging");
        Check(new() { ["Herald:Smtp:Routes:default:Host"] = "smtp.example.com" }).ShouldNotContain(p => p.StartsWith("Herald:Smtp:Routes:", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_feedback_mistake_is_named_by_its_setting()
    {
        var errors = Check(new()
        {
            ["Herald:Inbound:Endpoint"] = "bounces.example.com",
            ["Herald:Feedback:ProbeType"] = "no-such-type",
            ["Herald:Feedback:Webhooks:app:Url"] = "ftp://app.example/hooks",
            ["Herald:Feedback:Webhooks:app:Secret"] = "hunter2",
            ["Herald:Feedback:Webhooks:app:Events:0"] = "opened",
        });
        errors.ShouldContain(e => e.StartsWith("Herald:Inbound:Endpoint:", StringComparison.Ordinal));
        errors.ShouldContain(e => e.StartsWith("Herald:Feedback:ProbeType:", StringComparison.Ordinal));
        errors.ShouldContain(e => e.StartsWith("Herald:Feedback:Webhooks:app:Url:", StringComparison.Ordinal));
        errors.ShouldContain(e => e.StartsWith("Herald:Feedback:Webhooks:app:Secret:", StringComparison.Ordinal));
        errors.ShouldContain(e => e.Contains("'opened' is not one of", StringComparison.Ordinal));
    }
}
