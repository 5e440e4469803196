using System.Diagnostics;
using System.Reflection;
using Herald.Cli.Tests.Support;
using Herald.Testing;

namespace Herald.Cli.Tests.Packaging;

/// <summary>
/// The <c>herald</c> .NET tool as an operator gets it: <c>dotnet pack</c> of src/Herald.Cli (the build these tests run
/// against, so no second build), <c>dotnet tool install --add-source</c> from that folder alone into a tool path of its
/// own, then the installed command. <c>serve</c> proves that what it reads at run time (the shipped defaults, the
/// migrations, the pages and their stylesheet) travels inside the package.
/// </summary>
public sealed class ToolPackageTests : IDisposable
{
    private static readonly TimeSpan Slow = TimeSpan.FromMinutes(5);

    private readonly string _dir = Directory.CreateTempSubdirectory("herald-tool-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task The_tool_installed_from_the_package_prints_its_version_explains_a_bounce_and_serves()
    {
        var packages = Path.Combine(_dir, "packages");
        var tools = Path.Combine(_dir, "tools");
        // The configuration the tests were built with (bin/<Configuration>/net10.0/): pack that build, do not rebuild.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var pack = await RunAsync("dotnet", "pack", Path.Combine(RepoPaths.Root, "src", "Herald.Cli", "Herald.Cli.csproj"),
            "--no-build", "-c", configuration, "-o", packages);
        pack.Code.ShouldBe(0, pack.Output);
        Directory.GetFiles(packages, "*.nupkg").Select(Path.GetFileName).ShouldBe([$"Herald.Cli.{PackageVersion}.nupkg"]);

        // Only the folder as a source (a nuget.config that clears the others) and a package cache of its own, so the
        // tool comes from this package and not from a cached one of the same version.
        await File.WriteAllTextAsync(Path.Combine(_dir, "nuget.config"),
            "<configuration><packageSources><clear /></packageSources></configuration>");
        var install = await RunAsync("dotnet", "tool", "install", "Herald.Cli", "--tool-path", tools, "--add-source", packages);
        install.Code.ShouldBe(0, install.Output);
        install.Output.ShouldContain($"Tool 'herald.cli' (version '{PackageVersion}') was successfully installed.");
        var herald = Path.Combine(tools, "herald");

        var version = await RunAsync(herald, "--version");
        version.Code.ShouldBe(0, version.Output);
        version.Output.Trim().ShouldBe(typeof(HeraldCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion);
        version.Output.ShouldStartWith(PackageVersion + "+");

        var explain = await RunAsync(herald, "explain", "550 5.1.1 user unknown");
        explain.Code.ShouldBe(0, explain.Output);
        explain.Output.ShouldContain("Scenario: MailboxDoesNotExist; reason userunknown; hard bounce");
        explain.Output.ShouldContain("Who must act: the recipient; suppression: suspend the address");
        explain.Output.ShouldBe((await HeraldCli.RunAsync("explain", "550 5.1.1 user unknown")).Output, "the same words as the command built here");

        var data = Path.Combine(_dir, "data");
        using var serve = ServeProcess.Start(Tool(herald), ServeProcess.WithRoute(data));
        var listening = await serve.WaitForLineAsync("Listening: HTTP", Slow);
        var url = listening.Split("HTTP ")[1].Split(';')[0];
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = Slow };
        var ready = await http.GetAsync(new Uri("/healthz/ready", UriKind.Relative));
        var readiness = await ready.Content.ReadAsStringAsync();
        ready.IsSuccessStatusCode.ShouldBeTrue(readiness);
        readiness.ShouldStartWith("""{"status":"ready""");
        File.Exists(Path.Combine(data, "herald.db")).ShouldBeTrue("the store was created with the migrations in the package");
        (await http.GetStringAsync(new Uri("/console/sign-in", UriKind.Relative))).ShouldContain("<form");
        (await http.GetAsync(new Uri("/pages/site.css", UriKind.Relative))).IsSuccessStatusCode.ShouldBeTrue();
    }

    private static string PackageVersion =>
        typeof(HeraldCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];

    /// <summary>
    /// The installed command in the test's folder (its nuget.config), with the runtime these tests run on: the tool's
    /// launcher looks for .NET in DOTNET_ROOT before the default places.
    /// </summary>
    private ProcessStartInfo Tool(string fileName)
    {
        var info = new ProcessStartInfo(fileName) { WorkingDirectory = _dir };
        // .../dotnet/shared/Microsoft.NETCore.App/10.0.x/System.Private.CoreLib.dll
        info.Environment["DOTNET_ROOT"] = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        info.Environment["NUGET_PACKAGES"] = Path.Combine(_dir, "nuget-cache");
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        return info;
    }

    private async Task<(int Code, string Output)> RunAsync(string fileName, params string[] args)
    {
        var info = Tool(fileName);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Slow);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', args)} did not finish within {Slow}");
        }

        return (process.ExitCode, await output + await error);
    }
}
