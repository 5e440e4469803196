using Herald.Server.Tests.Support;

namespace Herald.Server.Tests.Lifecycle;

public sealed class RetentionConfigurationTests
{
    private static IReadOnlyList<string> Check(Dictionary<string, string?> settings) =>
        ConfigurationProbe.Check(new(settings) { ["environment"] = "Development" });

    [Fact]
    public void Shorter_retention_in_the_documented_format_is_valid() =>
        Check(new() { ["Herald:Retention:Messages"] = "7.00:00:00", ["Herald:Retention:History"] = "365.00:00:00", ["Herald:Retention:BatchSize"] = "100" })
            .ShouldBeEmpty();

    [Fact]
    public void Every_retention_mistake_is_named_by_its_setting()
    {
        var errors = Check(new()
        {
            ["Herald:Retention:Messages"] = "a month",
            ["Herald:Retention:BounceEvidence"] = "-1.00:00:00",
            ["Herald:Retention:Interval"] = "00:00:00",
            ["Herald:Retention:BatchSize"] = "0",
            ["Herald:Retention:MinFreeDiskBytes"] = "-5",
        });

        errors.ShouldContain(e => e.StartsWith("Herald:Retention:Messages: 'a month' is not", StringComparison.Ordinal));
        errors.ShouldContain("Herald:Retention:BounceEvidence: '-1.00:00:00' is negative; a duration must be 00:00:00 or more");
        errors.ShouldContain(e => e.StartsWith("Herald:Retention:Interval: must be a positive duration", StringComparison.Ordinal));
        errors.ShouldContain(e => e.StartsWith("Herald:Retention:BatchSize: must be between", StringComparison.Ordinal));
        errors.ShouldContain(e => e.StartsWith("Herald:Retention:MinFreeDiskBytes: must be 0", StringComparison.Ordinal));
    }

    [Fact]
    public void Messages_kept_for_less_than_the_idempotency_window_are_refused() =>
        Check(new() { ["Herald:Retention:Messages"] = "12:00:00", ["Herald:Delivery:IdempotencyWindow"] = "1.00:00:00" })
            .ShouldHaveSingleItem().ShouldStartWith("Herald:Retention:Messages: must be at least Herald:Delivery:IdempotencyWindow");
}
