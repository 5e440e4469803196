using System.Text.Json;
using Herald.Cli.Tests.Support;

namespace Herald.Cli.Tests.Recipients;

/// <summary><c>herald recipients erase|export</c> against a real Herald on 127.0.0.1 (development mailbox, temp SQLite).</summary>
public sealed class RecipientsCommandTests : IAsyncLifetime
{
    private readonly InProcessHerald _herald = new();

    public async ValueTask InitializeAsync() => await _herald.StartAsync();

    public async ValueTask DisposeAsync() => await _herald.DisposeAsync();

    [Fact]
    public async Task An_address_is_exported_as_json_then_erased_and_the_export_is_empty_afterwards()
    {
        var (code, _, error) = await HeraldCli.RunAsync("send", "--type", "magic-code", "--to", "cli.person@example.com", "--data", """{"code":"123456"}""",
            "--server", _herald.Url);
        code.ShouldBe(0, error);

        var (exportCode, export, _) = await HeraldCli.RunAsync("recipients", "export", "cli.person@example.com", "--server", _herald.Url);
        exportCode.ShouldBe(0);
        JsonDocument.Parse(export).RootElement.GetProperty("messages").GetArrayLength().ShouldBe(1);

        var (eraseCode, erased, eraseError) = await HeraldCli.RunAsync("recipients", "erase", "cli.person@example.com", "--server", _herald.Url);
        eraseCode.ShouldBe(0, eraseError);
        erased.ShouldMatch(@"^Erasure era_\w+ at .*: 1 address\(es\), 1 message\(s\) erased; 0 suppression\(s\) kept as a keyed hash\.\s*$");

        var (_, after, _) = await HeraldCli.RunAsync("recipients", "export", "cli.person@example.com", "--server", _herald.Url);
        JsonDocument.Parse(after).RootElement.GetProperty("messages").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task An_unknown_recipient_id_is_refused_with_the_problem_in_words()
    {
        var (code, _, error) = await HeraldCli.RunAsync("recipients", "erase", "no-such-user", "--server", _herald.Url);
        code.ShouldBe(1);
        error.ShouldContain("no-such-user");
    }
}
