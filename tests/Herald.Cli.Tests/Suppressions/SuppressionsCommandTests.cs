using System.CommandLine;
using Herald.Cli.Tests.Support;

namespace Herald.Cli.Tests.Suppressions;

/// <summary>The operator's CLI against a real Herald on 127.0.0.1 (development mailbox, temp SQLite).</summary>
public sealed class SuppressionsCommandTests : IAsyncLifetime
{
    private readonly InProcessHerald _herald = new();

    private string _server => _herald.Url;

    public async ValueTask InitializeAsync() => await _herald.StartAsync();

    public async ValueTask DisposeAsync() => await _herald.DisposeAsync();

    [Fact]
    public async Task Add_list_show_and_remove_leave_an_audit_trail_naming_the_operator()
    {
        var (code, output, error) = await Run("suppressions", "add", "bob@example.com", "--operator", "sam", "--note", "ticket 12", "--server", _server);
        code.ShouldBe(0, error);
        output.ShouldContain("bob@example.com: suspended (operator since");

        (code, output, _) = await Run("suppressions", "list", "--server", _server);
        code.ShouldBe(0);
        output.ShouldContain("bob@example.com: suspended");

        (code, output, error) = await Run("suppressions", "remove", "bob@example.com", "--operator", "kim", "--note", "resolved", "--server", _server);
        code.ShouldBe(0, error);
        output.ShouldContain("bob@example.com: ok");

        (code, output, _) = await Run("suppressions", "show", "bob@example.com", "--server", _server);
        code.ShouldBe(0);
        output.ShouldContain("operator-added");
        output.ShouldContain("by operator:sam via quick-start ticket 12");
        output.ShouldContain("operator-removed");
        output.ShouldContain("by operator:kim via quick-start resolved");
    }

    [Fact]
    public async Task Add_without_an_operator_is_a_usage_error()
    {
        var (code, _, _) = await Run("suppressions", "add", "bob@example.com", "--server", _server);
        code.ShouldNotBe(0);
    }

    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await HeraldCommand.Build().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString().Replace("\r\n", "\n", StringComparison.Ordinal), error.ToString());
    }
}
