using Herald.Core.Delivery;
using Herald.Smtp.Outbound;
using Herald.Smtp.Outbound.Mx;
using Herald.Smtp.Tests.Infrastructure;

namespace Herald.Smtp.Tests.Outbound;

public sealed class ConnectionPoolTests
{
    [Fact]
    public async Task Two_sends_reuse_one_connection()
    {
        await using var server = new ScriptedSmtpServer();
        using var transport = TestMail.Relay(server.Port);

        var first = await transport.SendAsync(TestMail.Email(), TestContext.Current.CancellationToken);
        var second = await transport.SendAsync(TestMail.Email(), TestContext.Current.CancellationToken);

        first.ShouldBeOfType<SmtpSendResult.Accepted>();
        second.ShouldBeOfType<SmtpSendResult.Accepted>();
        server.Connections.ShouldBe(1);
        server.Data.Count.ShouldBe(2);
        server.Commands.Count(c => c.StartsWith("EHLO")).ShouldBe(1);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Pooled_connection_the_server_closed_meanwhile_is_replaced_transparently(bool withGoodbye)
    {
        // Postfix closes an idle connection after its timeout with "421 4.4.2 Error: timeout exceeded";
        // others just close the socket.
        ServerAction closeAfterFirst = withGoodbye
            ? new ServerAction.ReplyThenClose("250 2.0.0 Ok: queued\r\n421 4.4.2 scripted.test Error: timeout exceeded")
            : new ServerAction.ReplyThenClose("250 2.0.0 Ok: queued");
        await using var server = new ScriptedSmtpServer(c => c is { Verb: ".", Count: 1 } ? closeAfterFirst : null);
        using var transport = TestMail.Relay(server.Port);

        var first = await transport.SendAsync(TestMail.Email(), TestContext.Current.CancellationToken);
        await Task.Delay(100, TestContext.Current.CancellationToken);
        var second = await transport.SendAsync(TestMail.Email(), TestContext.Current.CancellationToken);

        first.ShouldBeOfType<SmtpSendResult.Accepted>();
        second.ShouldBeOfType<SmtpSendResult.Accepted>();
        server.Connections.ShouldBe(2);
        server.Data.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Concurrent_sends_open_at_most_MaxConnections()
    {
        await using var server = new ScriptedSmtpServer();
        using var transport = TestMail.Relay(server.Port, maxConnections: 2);

        var results = await Task.WhenAll(Enumerable.Range(0, 10)
            .Select(_ => transport.SendAsync(TestMail.Email(), TestContext.Current.CancellationToken)));

        results.ShouldAllBe(r => r is SmtpSendResult.Accepted);
        server.Connections.ShouldBeInRange(1, 2);
        server.Data.Count.ShouldBe(10);
    }

    [Fact]
    public async Task Connection_after_a_timeout_is_not_reused()
    {
        await using var server = new ScriptedSmtpServer(c => c is { Verb: ".", Count: 1 } ? new ServerAction.Stall() : null);
        using var transport = TestMail.Relay(server.Port, TimeSpan.FromSeconds(1));

        var first = await transport.SendAsync(TestMail.Email(), TestContext.Current.CancellationToken);
        var second = await transport.SendAsync(TestMail.Email(), TestContext.Current.CancellationToken);

        first.ShouldBeOfType<SmtpSendResult.TransportFailure>().Kind.ShouldBe(TransportFailureKind.Timeout);
        second.ShouldBeOfType<SmtpSendResult.Accepted>();
        server.Connections.ShouldBe(2);
    }

    [Fact]
    public async Task Idle_connections_are_closed_after_the_idle_timeout()
    {
        await using var server = new ScriptedSmtpServer();
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var options = new SmtpRoutesOptions();
        options.Routes["relay"] = new SmtpRouteOptions
        {
            Host = "127.0.0.1", Port = server.Port, StartTls = StartTlsPolicy.None, IdleTimeout = TimeSpan.FromSeconds(30),
        };
        using var transport = new MailKitSmtpTransport(options, time, new FixedMxLookup(new MxAnswer.Found([], false)));

        await transport.SendAsync(TestMail.Email(), TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromSeconds(31));
        await transport.SendAsync(TestMail.Email(), TestContext.Current.CancellationToken);

        server.Connections.ShouldBe(2);
    }
}
