using Herald.Core.Delivery;
using Herald.Smtp.Outbound;
using Herald.Smtp.Outbound.Mx;
using Herald.Smtp.Tests.Infrastructure;

namespace Herald.Smtp.Tests.Outbound;

public sealed class DirectRouteTests
{
    [Fact]
    public async Task Message_goes_to_the_MX_of_the_recipient_domain()
    {
        await using var server = new ScriptedSmtpServer();
        var dns = new FixedMxLookup(new MxAnswer.Found([new(10, "127.0.0.1")], false));
        using var transport = Direct(server.Port, dns);

        var result = await transport.SendAsync(TestMail.Email(route: "direct"), TestContext.Current.CancellationToken);

        result.ShouldBeOfType<SmtpSendResult.Accepted>().RemoteHost.ShouldBe("127.0.0.1");
        dns.Domains.ShouldBe(["example.test"]);
    }

    [Fact]
    public async Task Next_MX_is_tried_when_the_first_cannot_be_reached()
    {
        // The better MX is the IPv6 loopback, where nothing listens: refused (or unreachable without IPv6).
        await using var server = new ScriptedSmtpServer();
        var dns = new FixedMxLookup(new MxAnswer.Found([new(5, "::1"), new(10, "127.0.0.1")], false));
        using var transport = Direct(server.Port, dns);

        var result = await transport.SendAsync(TestMail.Email(route: "direct"), TestContext.Current.CancellationToken);

        result.ShouldBeOfType<SmtpSendResult.Accepted>().RemoteHost.ShouldBe("127.0.0.1");
    }

    [Fact]
    public async Task Next_MX_is_not_tried_after_a_recipient_rejection()
    {
        await using var server = new ScriptedSmtpServer(c => c.Verb == "RCPT" ? new ServerAction.Reply("550 5.1.1 User unknown") : null);
        var dns = new FixedMxLookup(new MxAnswer.Found([new(5, "127.0.0.1"), new(10, "localhost")], false));
        using var transport = Direct(server.Port, dns);

        var result = await transport.SendAsync(TestMail.Email(route: "direct"), TestContext.Current.CancellationToken);

        result.ShouldBeOfType<SmtpSendResult.Rejected>().Reply.Code.ShouldBe(550);
        server.Connections.ShouldBe(1);
    }

    [Theory]
    [InlineData(TransportFailureKind.NullMx)]
    [InlineData(TransportFailureKind.DomainNotFound)]
    [InlineData(TransportFailureKind.DnsTemporaryFailure)]
    public async Task DNS_answers_without_hosts_are_transport_failures_without_connecting(TransportFailureKind kind)
    {
        await using var server = new ScriptedSmtpServer();
        MxAnswer answer = kind switch
        {
            TransportFailureKind.NullMx => new MxAnswer.Found([new(0, ".")], false),
            TransportFailureKind.DomainNotFound => new MxAnswer.DomainNotFound("NXDOMAIN"),
            _ => new MxAnswer.TemporaryFailure("SERVFAIL"),
        };
        using var transport = Direct(server.Port, new FixedMxLookup(answer));

        var result = await transport.SendAsync(TestMail.Email(route: "direct"), TestContext.Current.CancellationToken);

        var failure = result.ShouldBeOfType<SmtpSendResult.TransportFailure>();
        failure.Kind.ShouldBe(kind);
        failure.RemoteHost.ShouldBeNull();
        server.Connections.ShouldBe(0);
    }

    private static MailKitSmtpTransport Direct(int port, IMxLookup dns)
    {
        var options = new SmtpRoutesOptions { LocalDomain = "client.herald.test" };
        options.Routes["direct"] = new SmtpRouteOptions
        {
            Kind = SmtpRouteKind.Direct, Port = port, StartTls = StartTlsPolicy.WhenAvailable, Timeout = TimeSpan.FromSeconds(5),
        };
        return new MailKitSmtpTransport(options, TimeProvider.System, dns);
    }
}
