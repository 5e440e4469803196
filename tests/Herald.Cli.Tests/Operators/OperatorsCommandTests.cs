using Herald.Cli.Tests.Support;
using Herald.Server.Access;
using Herald.Server.Configuration;
using Herald.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Cli.Tests.Operators;

/// <summary><c>herald operators add</c>: console accounts on the store, their passwords hashed, never printed.</summary>
public sealed class OperatorsCommandTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("herald-operators-").FullName;

    private string DataArg => $"--Herald:DataDirectory={_data}";

    private string PasswordFile(string password)
    {
        var path = Path.Combine(_data, Guid.NewGuid().ToString("N") + ".txt");
        File.WriteAllText(path, password + "\n");
        return path;
    }

    [Fact]
    public async Task An_operator_is_added_once_and_signs_in_with_that_password_only()
    {
        var (code, output, error) = await HeraldCli.RunAsync("operators", "add", "sam", "--password-file", PasswordFile("correct horse battery"), DataArg);
        code.ShouldBe(0, error);
        output.ShouldContain("Operator 'sam' added");
        output.ShouldNotContain("correct horse");

        var again = await HeraldCli.RunAsync("operators", "add", "sam", "--password-file", PasswordFile("another long password"), DataArg);
        again.Code.ShouldBe(1);
        again.Error.ShouldContain("exists already");

        await using var services = HeraldAdministration.Open(HeraldConfiguration.Load([DataArg], null));
        var accounts = services.GetRequiredService<OperatorAccounts>();
        (await accounts.SignInAsync("sam", "correct horse battery", CancellationToken.None)).ShouldBe("sam");
        (await accounts.SignInAsync("sam", "another long password", CancellationToken.None)).ShouldBeNull();
        (await accounts.SignInAsync("nobody", "correct horse battery", CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task A_short_password_is_refused_saying_how_long_it_must_be()
    {
        var (code, _, error) = await HeraldCli.RunAsync("operators", "add", "sam", "--password-file", PasswordFile("short"), DataArg);
        code.ShouldBe(1);
        error.ShouldContain($"at least {OperatorAccounts.MinPasswordLength} characters");
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);
}
