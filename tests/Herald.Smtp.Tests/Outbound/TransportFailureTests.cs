using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Herald.Core.Delivery;
using Herald.Smtp.Outbound;
using Herald.Smtp.Tests.Infrastructure;

namespace Herald.Smtp.Tests.Outbound;

public sealed class TransportFailureTests
{
    [Fact]
    public async Task Connection_dropped_during_DATA_is_ConnectionLost()
    {
        await using var server = new ScriptedSmtpServer(c => c.Verb == "DATA" ? new ServerAction.DropDuringData() : null);
        using var transport = TestMail.Relay(server.Port);
        var big = TestMail.Message(string.Concat(Enumerable.Repeat("A line of a long message body.\r\n", 20_000)));

        var result = await transport.SendAsync(TestMail.Email(big), TestContext.Current.CancellationToken);

        var failure = result.ShouldBeOfType<SmtpSendResult.TransportFailure>();
        failure.Kind.ShouldBe(TransportFailureKind.ConnectionLost);
        failure.RemoteHost.ShouldBe("127.0.0.1");
    }

    [Fact]
    public async Task Connection_closed_before_the_end_of_data_reply_is_ConnectionLost()
    {
        await using var server = new ScriptedSmtpServer(c => c.Verb == "." ? new ServerAction.Close() : null);
        using var transport = TestMail.Relay(server.Port);

        var result = await transport.SendAsync(TestMail.Email(), TestContext.Current.CancellationToken);

        result.ShouldBeOfType<SmtpSendResult.TransportFailure>().Kind.ShouldBe(TransportFailureKind.ConnectionLost);
    }

    [Theory]
    [InlineData("CONNECT")]
    [InlineData(".")]
    public async Task Server_silent_past_the_timeout_is_Timeout_within_the_budget(string verb)
    {
        await using var server = new ScriptedSmtpServer(c => c.Verb == verb ? new ServerAction.Stall() : null);
        var timeout = TimeSpan.FromSeconds(1);
        using var transport = TestMail.Relay(server.Port, timeout);
        var clock = Stopwatch.StartNew();

        var result = await transport.SendAsync(TestMail.Email(), TestContext.Current.CancellationToken);

        clock.Elapsed.ShouldBeLessThan(timeout + TimeSpan.FromSeconds(2));
        clock.Elapsed.ShouldBeGreaterThanOrEqualTo(timeout - TimeSpan.FromMilliseconds(50));
        var failure = result.ShouldBeOfType<SmtpSendResult.TransportFailure>();
        failure.Kind.ShouldBe(TransportFailureKind.Timeout);
        failure.Duration.ShouldBeGreaterThanOrEqualTo(timeout - TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public async Task Connection_refused_is_ConnectFailed()
    {
        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        using var transport = TestMail.Relay(port);

        var result = await transport.SendAsync(TestMail.Email(), TestContext.Current.CancellationToken);

        var failure = result.ShouldBeOfType<SmtpSendResult.TransportFailure>();
        failure.Kind.ShouldBe(TransportFailureKind.ConnectFailed);
        failure.RemoteHost.ShouldBe("127.0.0.1");
    }

    [Fact]
    public async Task Required_STARTTLS_that_the_server_does_not_offer_is_TlsFailed()
    {
        await using var server = new ScriptedSmtpServer();
        using var transport = TestMail.Relay(server.Port, startTls: StartTlsPolicy.Required);

        var result = await transport.SendAsync(TestMail.Email(), TestContext.Current.CancellationToken);

        result.ShouldBeOfType<SmtpSendResult.TransportFailure>().Kind.ShouldBe(TransportFailureKind.TlsFailed);
        server.Data.ShouldBeEmpty();
    }

    [Fact]
    public async Task Caller_cancellation_is_not_a_result()
    {
        await using var server = new ScriptedSmtpServer(c => c.Verb == "." ? new ServerAction.Stall() : null);
        using var transport = TestMail.Relay(server.Port);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Should.ThrowAsync<OperationCanceledException>(() => transport.SendAsync(TestMail.Email(), cancel.Token));
    }
}
