using System.Text.Json;
using Herald.Cli.Tests.Support;

namespace Herald.Cli.Tests.Bounces;

public sealed class BounceCommandTests : IDisposable
{
    private const string Dsn = """
        From: MAILER-DAEMON@mx.example.org
        To: sender@example.com
        Subject: Undelivered Mail Returned to Sender
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status; boundary="b"

        --b
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.example.org

        Final-Recipient: rfc822; gone@example.net
        Action: failed
        Status: 5.1.1
        Diagnostic-Code: smtp; 550 5.1.1 <gone@example.net>: Recipient address rejected: User unknown in local recipient table

        --b--
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("herald-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Classify_tsv_prints_the_corpus_results_format()
    {
        var file = Write("dsn.eml", Dsn);
        var (code, output, error) = await Run("classify", "--tsv", file);
        code.ShouldBe(0, error);
        var lines = output.TrimEnd().Split('\n');
        lines[0].ShouldStartWith("relative_path_of_eml\tindex_within_file\treason\tstatus\treplycode\thardbounce");
        lines[1].Split('\t')[..6].ShouldBe([file, "1", "userunknown", "5.1.1", "550", "true"]);
    }

    [Fact]
    public async Task Bad_inputs_are_named_and_the_rest_of_the_batch_goes_on()
    {
        var empty = Write("empty.eml", "");
        var binary = Path.Combine(_dir, "image.bin");
        await File.WriteAllBytesAsync(binary, Enumerable.Range(0, 4096).Select(i => (byte)(i * 7 % 31)).ToArray());
        var missing = Path.Combine(_dir, "missing.eml");
        var good = Write("dsn.eml", Dsn);
        var (code, output, error) = await Run("classify", "--tsv", empty, binary, missing, good);
        code.ShouldBe(1);
        error.ShouldContain($"{empty}: empty input");
        error.ShouldContain($"{binary}: binary data");
        error.ShouldContain($"{missing}: no such file");
        output.ShouldContain($"{good}\t1\tuserunknown");
    }

    [Fact]
    public async Task A_large_batch_is_classified_on_every_core_and_printed_in_the_order_given()
    {
        // 60 files (past the parallel threshold), every fifth one unreadable: the lines must come out in the order the
        // files were given, each line exactly what classifying that file alone prints.
        var files = Enumerable.Range(0, 60)
            .Select(i => i % 5 == 4 ? Path.Combine(_dir, $"missing-{i}.eml") : Write($"dsn-{i}.eml", Dsn.Replace("gone@example.net", $"gone{i}@example.net", StringComparison.Ordinal)))
            .ToArray();

        var (code, output, error) = await Run(["classify", .. files]);

        code.ShouldBe(1);
        // The unreadable files are named on stderr in the order given too, one line each.
        error.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .ShouldBe(files.Where((_, i) => i % 5 == 4).Select(f => $"herald: {f}: no such file"));
        var lines = output.TrimEnd().Split('\n');
        lines.Select(l => l.Split('\t')[0]).ShouldBe(files);
        foreach (var (file, line) in files.Zip(lines).Where((_, i) => i % 7 == 0))
        {
            var (_, alone, _) = await Run("classify", file);
            line.ShouldBe(alone.TrimEnd());
        }

        lines[3].ShouldContain("gone3@example.net");
    }

    [Fact]
    public async Task Classify_text_answers_one_line_per_pasted_block_in_one_process()
    {
        var pasted = Write("pasted.txt", """
            550 5.1.1 <gone@example.net>: Recipient address rejected: User unknown in local recipient table
            ---
            452 4.2.2 The email account that you tried to reach is over quota: full@example.net
              ---  
            This is just a warning, you do not need to resend your message.
            Delivery to late@example.net is delayed; we will keep trying.
            """);
        var (code, output, error) = await Run("classify", "--text", pasted);
        code.ShouldBe(0, error);
        var lines = output.TrimEnd().Split('\n');
        lines.Length.ShouldBe(4);
        lines[1].Split('\t')[..5].ShouldBe(["1", "gone@example.net", "userunknown", "5.1.1", "failed"]);
        lines[2].Split('\t')[2].ShouldBe("mailboxfull");
        lines[3].Split('\t')[4].ShouldBe("delayed");
    }

    [Fact]
    public async Task Classify_text_names_a_missing_file()
    {
        var missing = Path.Combine(_dir, "missing.txt");
        var (code, _, error) = await Run("classify", "--text", missing);
        code.ShouldBe(1);
        error.ShouldContain($"{missing}: no such file");
    }

    [Fact]
    public async Task Explain_on_a_path_that_does_not_exist_says_so_and_exits_1()
    {
        var missing = Path.Combine(_dir, "bounce.eml");
        var (code, _, error) = await Run("explain", missing);
        code.ShouldBe(1);
        error.ShouldContain($"{missing}: no such file");
    }

    [Fact]
    public async Task Explain_reads_text_with_words_as_the_pasted_error()
    {
        var (code, output, _) = await Run("explain", "550 5.1.1 user unknown");
        code.ShouldBe(0);
        output.ShouldContain("MailboxDoesNotExist");
    }

    [Fact]
    public async Task Classify_without_files_is_a_usage_error()
    {
        var (code, _, error) = await Run("classify");
        code.ShouldBe(2);
        error.ShouldContain("usage");
    }

    [Fact]
    public async Task Explain_pasted_text_prints_a_plain_explanation()
    {
        var (code, output, _) = await Run("explain", "554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org");
        code.ShouldBe(0);
        output.ShouldContain("Spamhaus");
        output.ShouldContain("Scenario: Blocklisted");
        output.ShouldContain("Next steps for their IT team:");
    }

    [Fact]
    public async Task Explain_json_prints_the_full_structure()
    {
        var (code, output, _) = await Run("explain", "--json", Write("dsn.eml", Dsn));
        code.ShouldBe(0);
        using var json = JsonDocument.Parse(output);
        var record = json.RootElement.GetProperty("records")[0];
        record.GetProperty("recipient").GetString().ShouldBe("gone@example.net");
        record.GetProperty("scenario").GetString().ShouldBe("mailboxDoesNotExist");
        record.GetProperty("suppress").GetString().ShouldBe("suspend");
        record.GetProperty("explanation").GetProperty("summary").GetString()!.ShouldContain("does not exist");
    }

    [Fact]
    public async Task Explain_a_directory_says_so_and_fails()
    {
        var (code, _, error) = await Run("explain", _dir);
        code.ShouldBe(1);
        error.ShouldContain("is a directory");
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static Task<(int Code, string Output, string Error)> Run(params string[] args) => HeraldCli.RunAsync(args);
}
