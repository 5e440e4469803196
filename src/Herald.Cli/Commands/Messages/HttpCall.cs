using System.Net.Http.Json;
using System.Text.Json;

namespace Herald.Cli.Commands.Messages;

/// <summary>Shared plumbing for commands that talk to a running Herald: one place for exit codes and error text.</summary>
internal static class HttpCall
{
    /// <param name="server">An http(s) URL, already checked by the --server option's validator.</param>
    public static async Task<int> RunAsync(string server, TextWriter output, TextWriter error, Func<HttpClient, Task<int>> call)
    {
        using var http = new HttpClient { BaseAddress = new Uri(server.EndsWith('/') ? server : server + "/"), Timeout = TimeSpan.FromSeconds(30) };
        if (Environment.GetEnvironmentVariable("HERALD_KEY") is { Length: > 0 } key)
        {
            // RFC 6750 section 2.1; the variable keeps the key out of the shell history and the process list.
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        }

        try
        {
            return await call(http);
        }
        catch (HttpRequestException e)
        {
            await error.WriteLineAsync($"Herald is not reachable at {server}: {e.Message}. Is 'herald serve' running? (--server or HERALD_URL)");
            return ExitCodes.Unreachable;
        }
        catch (TaskCanceledException)
        {
            await error.WriteLineAsync($"Herald at {server} did not answer in time");
            return ExitCodes.Unreachable;
        }
    }

    /// <summary>Prints the success summary (or the JSON with --json), or the ProblemDetails in words.</summary>
    public static async Task<int> ReportAsync(HttpResponseMessage response, TextWriter output, TextWriter error, bool json, Func<JsonDocument, string> summary, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            using var document = JsonDocument.Parse(text);
            await output.WriteLineAsync(json ? text : summary(document));
            return ExitCodes.Ok;
        }

        await error.WriteLineAsync(Problem.Describe((int)response.StatusCode, text));
        return ExitCodes.Rejected;
    }
}
