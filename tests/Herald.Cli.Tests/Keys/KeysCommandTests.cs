using Herald.Cli.Tests.Support;

namespace Herald.Cli.Tests.Keys;

/// <summary><c>herald keys</c> on the store itself: the first key exists before the API can be called with one.</summary>
public sealed class KeysCommandTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("herald-keys-").FullName;

    private string DataArg => $"--Herald:DataDirectory={_data}";

    [Fact]
    public async Task A_key_is_created_printed_once_listed_without_its_secret_and_revoked()
    {
        var (code, output, error) = await HeraldCli.RunAsync("keys", "create", "--name", "web-app", "--scopes", "send,read", DataArg);
        code.ShouldBe(0, error);
        var token = output.Trim();
        token.ShouldMatch("^hk_[0-9a-z]{16}_[0-9a-z]{32}$");
        error.ShouldContain("not shown again");
        var id = token.Split('_')[1];

        var (listCode, list, _) = await HeraldCli.RunAsync("keys", "list", DataArg);
        listCode.ShouldBe(0);
        list.ShouldContain(id);
        list.ShouldContain("web-app");
        list.ShouldContain("send,read");
        list.ShouldNotContain(token.Split('_')[2]);

        (await HeraldCli.RunAsync("keys", "revoke", id, DataArg)).Code.ShouldBe(0);
        (await HeraldCli.RunAsync("keys", "list", DataArg)).Output.ShouldContain("revoked");
        (await HeraldCli.RunAsync("keys", "revoke", id, DataArg)).Code.ShouldBe(1);
    }

    [Fact]
    public async Task An_unknown_scope_is_a_usage_error_naming_the_scopes()
    {
        var (code, _, error) = await HeraldCli.RunAsync("keys", "create", "--name", "x", "--scopes", "send,everything", DataArg);
        code.ShouldBe(2);
        error.ShouldContain("--scopes");
        error.ShouldContain("'everything'");
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);
}
