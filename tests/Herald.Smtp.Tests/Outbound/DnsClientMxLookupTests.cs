using System.Net;
using Herald.Core.Delivery;
using Herald.Smtp.Outbound;
using Herald.Smtp.Outbound.Mx;
using Herald.Smtp.Tests.Infrastructure;

namespace Herald.Smtp.Tests.Outbound;

public sealed class DnsClientMxLookupTests
{
    [Fact]
    public async Task MX_records_are_returned_with_their_preferences()
    {
        await using var dns = new ScriptedDnsServer();
        dns.Mx["example.test"] = [(10, "mx1.example.test"), (20, "mx2.example.test")];

        var answer = await Lookup(dns, "example.test");

        answer.ShouldBeOfType<MxAnswer.Found>().Mx.ShouldBe([new(10, "mx1.example.test."), new(20, "mx2.example.test.")], ignoreOrder: true);
    }

    [Fact]
    public async Task Domain_without_MX_but_with_an_address_is_its_own_MX()
    {
        await using var dns = new ScriptedDnsServer();
        dns.A["example.test"] = IPAddress.Parse("192.0.2.10");

        var answer = await Lookup(dns, "example.test");

        var found = answer.ShouldBeOfType<MxAnswer.Found>();
        found.Mx.ShouldBeEmpty();
        found.DomainHasAddress.ShouldBeTrue();
    }

    [Fact]
    public async Task Null_MX_is_reported_as_a_single_root_exchange()
    {
        await using var dns = new ScriptedDnsServer();
        dns.Mx["example.test"] = [(0, ".")];

        var answer = await Lookup(dns, "example.test");

        MxSelection.Select("example.test", answer, new Random(1))
            .ShouldBeOfType<MxPlan.Failure>().Kind.ShouldBe(TransportFailureKind.NullMx);
    }

    [Fact]
    public async Task NXDOMAIN_SERVFAIL_and_silence_are_told_apart()
    {
        await using var dns = new ScriptedDnsServer();
        dns.ServFail.Add("broken.test");
        dns.Silent.Add("slow.test");

        (await Lookup(dns, "nope.test")).ShouldBeOfType<MxAnswer.DomainNotFound>();
        (await Lookup(dns, "broken.test")).ShouldBeOfType<MxAnswer.TemporaryFailure>();
        (await Lookup(dns, "slow.test")).ShouldBeOfType<MxAnswer.TemporaryFailure>();
    }

    [Fact]
    public async Task Direct_route_delivers_to_the_MX_that_DNS_names()
    {
        await using var dns = new ScriptedDnsServer();
        await using var smtp = new ScriptedSmtpServer();
        dns.Mx["example.test"] = [(10, "127.0.0.1")];
        var options = new SmtpRoutesOptions();
        options.Routes["direct"] = Route(dns, smtp.Port);
        using var transport = new MailKitSmtpTransport(Microsoft.Extensions.Options.Options.Create(options), TimeProvider.System);

        var result = await transport.SendAsync(TestMail.Email(route: "direct"), TestContext.Current.CancellationToken);

        result.ShouldBeOfType<SmtpSendResult.Accepted>().RemoteHost.ShouldBe("127.0.0.1");
        smtp.Data.Count.ShouldBe(1);
    }

    private static Task<MxAnswer> Lookup(ScriptedDnsServer dns, string domain) =>
        new DnsClientMxLookup().LookupAsync(domain, Route(dns, 25), TestContext.Current.CancellationToken);

    private static SmtpRouteOptions Route(ScriptedDnsServer dns, int port) => new()
    {
        Kind = SmtpRouteKind.Direct, DnsServer = dns.Endpoint, DnsTimeout = TimeSpan.FromMilliseconds(300), Port = port,
        StartTls = StartTlsPolicy.None,
    };
}
