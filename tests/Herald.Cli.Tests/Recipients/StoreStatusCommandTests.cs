using Herald.Cli.Tests.Support;

namespace Herald.Cli.Tests.Recipients;

/// <summary><c>herald status --store</c>, read on the store itself.</summary>
public sealed class StoreStatusCommandTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("herald-store-status-").FullName;

    [Fact]
    public async Task The_store_status_prints_its_size_and_the_rows_and_oldest_row_of_every_table()
    {
        (await HeraldCli.RunAsync("keys", "create", "--name", "ops", "--scopes", "operator", $"--Herald:DataDirectory={_data}")).Code.ShouldBe(0);

        var (code, output, error) = await HeraldCli.RunAsync("status", "--store", $"--Herald:DataDirectory={_data}");

        code.ShouldBe(0, error);
        output.ShouldContain(Path.Combine(_data, "herald.db") + ": ");
        output.ShouldContain(" MiB on disk");
        output.ShouldMatch(@"(?m)^api_keys\s+1\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$");
        output.ShouldMatch(@"(?m)^messages\s+0\s+-$");
    }

    [Fact]
    public async Task Status_without_an_id_or_store_is_a_usage_error() =>
        (await HeraldCli.RunAsync("status")).Code.ShouldBe(2);

    public void Dispose() => Directory.Delete(_data, recursive: true);
}
