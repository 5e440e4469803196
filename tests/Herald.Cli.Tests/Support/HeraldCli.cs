using System.CommandLine;

namespace Herald.Cli.Tests.Support;

/// <summary>Runs the real <c>herald</c> command tree in-process with captured output.</summary>
internal static class HeraldCli
{
    public static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await HeraldCommand.Build().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }
}
