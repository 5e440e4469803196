using Herald.Cli.Tests.Support;
using Herald.Server;
using Microsoft.Extensions.Logging;

namespace Herald.Cli.Tests.Serve;

/// <summary>
/// Something Herald kept is gone: the real <c>herald serve</c> stops (exit 4, refused) and says which flag starts anyway and
/// what that loses. The findings: a deleted database started empty without a word, and a deleted token key was
/// silently regenerated, breaking every link already sent.
/// </summary>
public sealed class DataMissingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("herald-missing-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Data => Path.Combine(_dir, "data");

    private async Task CreateStoreAsync()
    {
        await using var app = HeraldServer.Build(ServeProcess.WithRoute(Data), b => b.Logging.SetMinimumLevel(LogLevel.Warning));
        await app.StartAsync();
        await app.StopAsync();
    }

    [Fact]
    public async Task A_store_that_existed_and_is_gone_stops_serve_with_exit_4_and_init_starts_an_empty_one_saying_what_is_lost()
    {
        await CreateStoreAsync();
        File.ReadAllText(Path.Combine(Data, "herald.db.marker")).ShouldContain("--init");
        File.Delete(Path.Combine(Data, "herald.db"));

        var (code, error, _) = await ServeProcess.RefusalAsync(ServeProcess.WithRoute(Data));

        code.ShouldBe(4);
        error.ShouldContain($"{Path.Combine(Data, "herald.db")} is gone");
        error.ShouldContain("--init");
        File.Exists(Path.Combine(Data, "herald.db")).ShouldBeFalse("nothing was created");

        using var serve = ServeProcess.Start(ServeProcess.WithRoute(Data, "--init"));
        (await serve.WaitForLineAsync("--init starts an empty store")).ShouldContain("every queued message, timeline, suppression");
        (await serve.WaitForLineAsync("Store:")).ShouldContain("(created)");
        await serve.WaitForLineAsync("Listening: HTTP");
    }

    [Fact]
    public async Task A_token_key_that_is_gone_stops_serve_with_exit_4_and_rotate_token_key_makes_a_new_one_saying_what_it_breaks()
    {
        await CreateStoreAsync();
        var keyFile = Path.Combine(Data, "token-key");
        var oldKey = File.ReadAllText(keyFile);
        File.Delete(keyFile);

        var (code, error, _) = await ServeProcess.RefusalAsync(ServeProcess.WithRoute(Data));

        code.ShouldBe(4);
        error.ShouldContain($"{keyFile} is gone");
        error.ShouldContain("--rotate-token-key");
        File.Exists(keyFile).ShouldBeFalse("no key was made silently");

        using var serve = ServeProcess.Start(ServeProcess.WithRoute(Data, "--rotate-token-key"));
        (await serve.WaitForLineAsync("a new token key was generated")).ShouldContain("every unsubscribe and verification link sent before now no longer works");
        await serve.WaitForLineAsync("Listening: HTTP");
        File.ReadAllText(keyFile).ShouldNotBe(oldKey);
    }
}
