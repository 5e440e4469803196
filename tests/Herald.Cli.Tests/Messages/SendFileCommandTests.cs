using Herald.Cli.Tests.Support;

namespace Herald.Cli.Tests.Messages;

/// <summary><c>herald send --file</c> against a real Herald on 127.0.0.1 (development mailbox): POST /v1/messages/batch.</summary>
public sealed class SendFileCommandTests : IAsyncLifetime
{
    private readonly InProcessHerald _herald = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("herald-send-file-").FullName;

    public async ValueTask InitializeAsync() => await _herald.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _herald.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private string Write(params string[] lines)
    {
        var path = Path.Combine(_dir, "messages.jsonl");
        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public async Task Every_line_gets_a_result_line_a_bad_line_is_named_by_file_and_line_and_the_others_are_sent()
    {
        var file = Write(
            """{"type":"magic-code","to":"ana@example.com","data":{"code":"111111"}}""",
            """{"type":"magic-code","to":"bo@example.com","data":""",
            "",
            """{"type":"magic-code","to":"not-an-address","data":{"code":"1"}}""",
            """{"type":"magic-code","to":"cy@example.com","data":{"code":"333333"},"idempotencyKey":"k-1"}""");

        var (code, output, error) = await HeraldCli.RunAsync("send", "--server", _herald.Url, "--file", file);

        code.ShouldBe(1, "a line was refused");
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.Length.ShouldBe(4, output);
        lines[0].ShouldMatch(@"^messages\.jsonl:1: msg_\w+ queued$");
        lines[1].ShouldStartWith("messages.jsonl:2: refused: not valid JSON");
        lines[2].ShouldStartWith("messages.jsonl:4: refused: 400");
        lines[2].ShouldContain(" to: ");
        lines[2].ShouldNotContain("messages[");
        lines[3].ShouldMatch(@"^messages\.jsonl:5: msg_\w+ queued$");
        error.ShouldContain("messages.jsonl: 2 accepted, 2 refused");
    }

    [Fact]
    public async Task More_than_500_lines_go_in_several_batches_and_all_accepted_exits_0()
    {
        var file = Write([.. Enumerable.Range(0, 501).Select(i => $$$"""{"type":"magic-code","to":"user{{{i}}}@example.com","data":{"code":"{{{i:D6}}}"}}""")]);

        var (code, output, error) = await HeraldCli.RunAsync("send", "--server", _herald.Url, "--file", file);

        code.ShouldBe(0, error);
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(501);
        output.ShouldContain("messages.jsonl:501: msg_");
        error.ShouldContain("501 accepted, 0 refused");
    }

    [Fact]
    public async Task A_missing_file_is_a_usage_error_naming_it_and_file_with_type_a_parse_error()
    {
        var (code, _, error) = await HeraldCli.RunAsync("send", "--server", _herald.Url, "--file", Path.Combine(_dir, "nope.jsonl"));
        code.ShouldBe(2);
        error.ShouldContain("nope.jsonl: no such file");

        // A parse error, as for any other option that does not fit (System.CommandLine's exit code 1).
        (code, _, error) = await HeraldCli.RunAsync("send", "--server", _herald.Url, "--file", Write("{}"), "--type", "magic-code");
        code.ShouldBe(1);
        error.ShouldContain("--file takes each message's type");
    }
}
