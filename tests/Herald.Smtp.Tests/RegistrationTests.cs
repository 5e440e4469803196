using Herald.Core.Delivery;
using Herald.Smtp.DevMailbox;
using Herald.Smtp.Outbound;
using Herald.Smtp.Tests.Dkim;
using Herald.Smtp.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Herald.Smtp.Tests;

public sealed class RegistrationTests
{
    [Fact]
    public void Configuration_section_binds_routes_and_DKIM_keys()
    {
        var (pem, _) = TestKeys.Rsa2048();
        using var provider = Services(new Dictionary<string, string?>
        {
            ["Smtp:LocalDomain"] = "mta.herald.test",
            ["Smtp:Routes:transactional:Kind"] = "Relay",
            ["Smtp:Routes:transactional:Host"] = "smtp.provider.test",
            ["Smtp:Routes:transactional:Port"] = "587",
            ["Smtp:Routes:transactional:StartTls"] = "Required",
            ["Smtp:Routes:transactional:Username"] = "herald",
            ["Smtp:Routes:transactional:Timeout"] = "00:00:30",
            ["Smtp:Routes:direct:Kind"] = "Direct",
            ["Smtp:Routes:direct:DnsServer"] = "127.0.0.1:5353",
            ["Smtp:Routes:direct:MaxConnections"] = "4",
            ["Smtp:Dkim:Keys:0:Domain"] = "herald.test",
            ["Smtp:Dkim:Keys:0:Selector"] = "s2026",
            ["Smtp:Dkim:Keys:0:PrivateKeyPem"] = pem,
        }).BuildServiceProvider();

        var routes = provider.GetRequiredService<IOptions<SmtpRoutesOptions>>().Value;
        routes.LocalDomain.ShouldBe("mta.herald.test");
        routes.Routes["transactional"].StartTls.ShouldBe(StartTlsPolicy.Required);
        routes.Routes["transactional"].Timeout.ShouldBe(TimeSpan.FromSeconds(30));
        routes.Routes["direct"].Kind.ShouldBe(SmtpRouteKind.Direct);
        routes.Routes["direct"].EffectivePort.ShouldBe(25);
        routes.Routes["direct"].MaxConnections.ShouldBe(4);
        provider.GetRequiredService<ISmtpTransport>().ShouldBeOfType<MailKitSmtpTransport>();
        var message = TestMail.Message();
        provider.GetRequiredService<IMessageSigner>().Sign(message);
        message.Headers.Contains(MimeKit.HeaderId.DkimSignature).ShouldBeTrue();
    }

    [Fact]
    public async Task Dev_mailbox_registration_adds_a_route_whose_mail_is_caught_there_never_accepted_as_delivered()
    {
        await using var provider = Services([]).AddHeraldDevMailbox("default").BuildServiceProvider();
        var hosted = provider.GetServices<IHostedService>().ToList();
        foreach (var service in hosted)
        {
            await service.StartAsync(TestContext.Current.CancellationToken);
        }

        try
        {
            var transport = provider.GetRequiredService<ISmtpTransport>();
            var result = await transport.SendAsync(TestMail.Email(route: "default"), TestContext.Current.CancellationToken);

            result.ShouldBeOfType<SmtpSendResult.Caught>();
            var captured = provider.GetRequiredService<DevMailboxServer>().List().ShouldHaveSingleItem();
            captured.RcptTo.ShouldBe([TestMail.Recipient]);
            captured.MailFrom.ShouldBe(TestMail.ReturnPath);
        }
        finally
        {
            foreach (var service in hosted)
            {
                await service.StopAsync(TestContext.Current.CancellationToken);
            }
        }
    }

    private static ServiceCollection Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddHeraldSmtp(configuration.GetSection("Smtp"));
        return services;
    }
}
