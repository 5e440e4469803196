using Herald.Server.Configuration;

namespace Herald.Server.Tests.Configuration;

/// <summary>The intake's limit on requests below critical priority: by store unless configured (docs/scaling-measurements.md says why).</summary>
public sealed class IntakeConcurrencyTests
{
    [Fact]
    public void Unset_it_is_16_on_PostgreSQL_and_no_limit_on_SQLite()
    {
        var options = new DeliveryOptions();

        options.IntakeConcurrencyOn(postgres: true).ShouldBe(16);
        options.IntakeConcurrencyOn(postgres: false).ShouldBe(0);
    }

    [Fact]
    public void A_configured_value_holds_on_either_store()
    {
        var options = new DeliveryOptions { IntakeConcurrency = 8 };

        options.IntakeConcurrencyOn(postgres: true).ShouldBe(8);
        options.IntakeConcurrencyOn(postgres: false).ShouldBe(8);
        new DeliveryOptions { IntakeConcurrency = 0 }.IntakeConcurrencyOn(postgres: true).ShouldBe(0);
    }
}
