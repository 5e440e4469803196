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
}
