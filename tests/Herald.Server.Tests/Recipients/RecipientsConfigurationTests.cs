using Herald.Server.Tests.Support;

namespace Herald.Server.Tests.Recipients;

public sealed class RecipientsConfigurationTests
{
    private static IReadOnlyList<string> Check(Dictionary<string, string?> settings) => ConfigurationProbe.Check(settings);

    [Fact]
    public void A_short_key_a_relative_public_url_and_a_verification_type_without_a_link_are_each_named()
    {
        var problems = Check(new()
        {
            ["Herald:Secrets:TokenKey"] = "short",
            ["Herald:PublicUrl"] = "herald.example.com",
            ["Herald:Recipients:SecondaryVerificationType"] = "magic-code",
            ["environment"] = "Development",
        });
        problems.ShouldContain(p => p.StartsWith("Herald:Secrets:TokenKey:", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("Herald:PublicUrl:", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("Herald:Catalogue:magic-code:Fields: needs a 'link' field", StringComparison.Ordinal));
        problems.Count.ShouldBe(3);
    }
}
