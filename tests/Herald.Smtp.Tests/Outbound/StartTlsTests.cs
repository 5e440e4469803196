using Herald.Core.Delivery;
using Herald.Smtp.Outbound;
using Herald.Smtp.Outbound.Mx;
using Herald.Smtp.Tests.Infrastructure;

namespace Herald.Smtp.Tests.Outbound;

public sealed class StartTlsTests
{
    [Fact]
    public async Task Direct_route_uses_STARTTLS_when_offered_even_with_a_self_signed_certificate()
    {
        using var certificate = TestCertificates.SelfSigned();
        await using var server = new ScriptedSmtpServer(certificate: certificate);
        var options = new SmtpRoutesOptions();
        options.Routes["direct"] = new SmtpRouteOptions { Kind = SmtpRouteKind.Direct, Port = server.Port, StartTls = StartTlsPolicy.WhenAvailable };
        using var transport = new MailKitSmtpTransport(options, TimeProvider.System, new FixedMxLookup(new MxAnswer.Found([new(10, "127.0.0.1")], false)));

        var result = await transport.SendAsync(TestMail.Email(route: "direct"), TestContext.Current.CancellationToken);

        result.ShouldBeOfType<SmtpSendResult.Accepted>();
        server.TlsSessions.ShouldBe(1);
        server.Data.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Relay_requiring_TLS_refuses_a_certificate_it_cannot_trust()
    {
        using var certificate = TestCertificates.SelfSigned();
        await using var server = new ScriptedSmtpServer(certificate: certificate);
        using var transport = TestMail.Relay(server.Port, startTls: StartTlsPolicy.Required);

        var result = await transport.SendAsync(TestMail.Email(), TestContext.Current.CancellationToken);

        result.ShouldBeOfType<SmtpSendResult.TransportFailure>().Kind.ShouldBe(TransportFailureKind.TlsFailed);
        server.Data.ShouldBeEmpty();
    }
}
