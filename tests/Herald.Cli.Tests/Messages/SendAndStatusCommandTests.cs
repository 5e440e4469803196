using Herald.Cli.Tests.Support;

namespace Herald.Cli.Tests.Messages;

/// <summary><c>herald send</c> and <c>herald status</c> against a real Herald on 127.0.0.1 (development mailbox).</summary>
public sealed class SendAndStatusCommandTests : IAsyncLifetime
{
    private readonly InProcessHerald _herald = new();

    private string _url => _herald.Url;

    public async ValueTask InitializeAsync() => await _herald.StartAsync();

    public async ValueTask DisposeAsync() => await _herald.DisposeAsync();

    [Fact]
    public async Task Send_prints_the_id_and_status_then_status_shows_the_timeline()
    {
        var (code, output, error) = await HeraldCli.RunAsync("send", "--server", _url, "--type", "magic-code", "--to", "ana@example.com", "--data", """{"code":"314159"}""");
        code.ShouldBe(0, error);
        var id = output.Split(' ')[0];
        id.ShouldStartWith("msg_");
        output.Trim().ShouldEndWith("queued");

        string status = "";
        for (var i = 0; i < 100 && !status.Contains(": caught", StringComparison.Ordinal); i++)
        {
            await Task.Delay(50);
            (code, status, error) = await HeraldCli.RunAsync("status", id, "--server", _url);
            code.ShouldBe(0, error);
        }

        status.ShouldContain($"{id} magic-code to ana@example.com: caught");
        status.ShouldContain("caught by the development mailbox, not sent to anyone");
        status.ShouldNotContain(": delivered");
        status.ShouldNotContain("  delivered");
        status.ShouldContain("accepted");
        status.ShouldContain("smtpCode=250");
        status.ShouldNotContain("314159");
    }

    [Fact]
    public async Task Send_with_a_bad_field_exits_1_and_names_the_field()
    {
        var (code, _, error) = await HeraldCli.RunAsync("send", "--server", _url, "--type", "magic-code", "--to", "not-an-address", "--data", "{}");
        code.ShouldBe(1);
        error.ShouldContain("400");
        error.ShouldContain("to:");
        error.ShouldContain("data.code:");
    }

    [Fact]
    public async Task Send_with_invalid_json_data_is_a_usage_error()
    {
        var (code, _, error) = await HeraldCli.RunAsync("send", "--server", _url, "--type", "magic-code", "--to", "a@example.com", "--data", "{code:");
        code.ShouldBe(2);
        error.ShouldContain("--data is not valid JSON");
    }

    [Fact]
    public async Task Status_of_an_unknown_id_exits_1()
    {
        var (code, _, error) = await HeraldCli.RunAsync("status", "msg_unknown", "--server", _url);
        code.ShouldBe(1);
        error.ShouldContain("404 No such message");
    }

    [Fact]
    public async Task An_unreachable_server_exits_3_with_a_hint()
    {
        var (code, _, error) = await HeraldCli.RunAsync("status", "msg_x", "--server", "http://127.0.0.1:9");
        code.ShouldBe(3);
        error.ShouldContain("herald serve");
    }
}
