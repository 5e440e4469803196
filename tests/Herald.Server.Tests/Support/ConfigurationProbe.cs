using Herald.Server.Configuration;
using Microsoft.Extensions.Configuration;

namespace Herald.Server.Tests.Support;

/// <summary>Runs the same configuration check as start-up and <c>herald config check</c>, over the shipped defaults.</summary>
internal static class ConfigurationProbe
{
    public static IReadOnlyList<string> Check(Dictionary<string, string?> settings)
    {
        var builder = new ConfigurationBuilder().AddInMemoryCollection(settings);
        HeraldConfiguration.AddShippedDefaults(builder);
        return HeraldConfiguration.Check(builder.Build());
    }

    /// <summary>The shipped catalogue with its layout, as start-up builds it.</summary>
    public static Herald.Core.Catalogue.NotificationCatalogue ShippedCatalogue(Dictionary<string, string?>? settings = null)
    {
        var builder = new ConfigurationBuilder().AddInMemoryCollection(settings ?? []);
        HeraldConfiguration.AddShippedDefaults(builder);
        var options = builder.Build().GetSection("Herald").Get<HeraldOptions>()!;
        var result = HeraldCatalogue.Build(options);
        result.Errors.ShouldBeEmpty();
        return result.Catalogue!;
    }
}
