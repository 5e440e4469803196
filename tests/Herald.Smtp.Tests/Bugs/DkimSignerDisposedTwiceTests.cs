using System.Security.Cryptography;
using Herald.Core.Delivery;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Smtp.Tests.Bugs;

/// <summary>
/// Bug: the container hands out one DkimMessageSigner under two registrations and disposes it twice at shutdown;
/// the second Dispose threw ObjectDisposedException from the per-thread RSA cache.
/// </summary>
public sealed class DkimSignerDisposedTwiceTests
{
    [Fact]
    public async Task Disposing_the_container_that_holds_a_DKIM_signer_is_harmless()
    {
        using var rsa = RSA.Create(2048);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Dkim:Keys:0:Domain"] = "herald.test",
            ["Dkim:Keys:0:Selector"] = "s1",
            ["Dkim:Keys:0:PrivateKeyPem"] = rsa.ExportPkcs8PrivateKeyPem(),
        }).Build();
        var provider = new ServiceCollection().AddHeraldSmtp(configuration).BuildServiceProvider();
        provider.GetRequiredService<IMessageSigner>().ShouldNotBeNull();
        await Should.NotThrowAsync(async () => await provider.DisposeAsync());
    }
}
