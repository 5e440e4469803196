using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Herald.Cli.Tests.Support;

namespace Herald.Cli.Tests.Serve;

/// <summary>
/// The real <c>herald serve</c> with <c>Logging:Console:FormatterName=json</c>. The finding: the setting had no effect
/// (the slim host forced the simple formatter). Now every line of its output is one JSON object, the start-up lines
/// carry their fields, and a message that goes through leaves one line with its outcome's fields.
/// </summary>
public sealed partial class JsonLogTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("herald-json-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task With_the_json_formatter_every_line_is_JSON_and_an_outcome_line_carries_its_fields()
    {
        using var serve = ServeProcess.Start(ServeProcess.Loopback(Path.Combine(_dir, "data"),
            "--environment", "Development", "--Logging:Console:FormatterName=json"));
        var listening = JsonDocument.Parse(await serve.WaitForLineAsync("Listening: HTTP")).RootElement;
        listening.GetProperty("Category").GetString().ShouldBe("Herald.Server.Hosting.StartupReport");
        var url = HttpUrl().Match(listening.GetProperty("State").GetProperty("Http").GetString()!).Value;

        using var http = new HttpClient { BaseAddress = new Uri(url) };
        using var sent = await http.PostAsJsonAsync("/v1/messages", new { type = "magic-code", to = "ana@example.com", data = new { code = "123456" } });
        var id = (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        var outcome = JsonDocument.Parse(await serve.WaitForLineAsync(id)).RootElement;
        outcome.GetProperty("EventId").GetInt32().ShouldBe(2102);
        outcome.GetProperty("LogLevel").GetString().ShouldBe("Information");
        var state = outcome.GetProperty("State");
        state.GetProperty("MessageId").GetString().ShouldBe(id);
        state.GetProperty("Type").GetString().ShouldBe("magic-code");
        state.GetProperty("Route").GetString().ShouldBe("default");
        state.GetProperty("RemoteHost").GetString()!.ShouldStartWith("127.0.0.1");
        state.GetProperty("ReplyCode").GetInt32().ShouldBe(250);
        state.GetProperty("DurationMs").GetInt64().ShouldBeGreaterThanOrEqualTo(0);

        var store = JsonDocument.Parse(serve.Output.First(l => l.Contains("\"Store: ", StringComparison.Ordinal))).RootElement;
        store.GetProperty("State").GetProperty("Path").GetString().ShouldBe(Path.Combine(_dir, "data", "herald.db"));
        serve.Output.ShouldAllBe(line => IsJsonObject(line), "every line of the output is one JSON object");
    }

    [Fact]
    public async Task An_unknown_formatter_name_is_a_configuration_problem_naming_the_setting()
    {
        var (code, error, _) = await ServeProcess.RefusalAsync(ServeProcess.Loopback(Path.Combine(_dir, "data"),
            "--environment", "Development", "--Logging:Console:FormatterName=jsonn"));

        code.ShouldBe(1);
        error.ShouldContain("Logging:Console:FormatterName: 'jsonn' is not a console formatter; use simple, json, systemd");
    }

    private static bool IsJsonObject(string line)
    {
        try
        {
            return JsonDocument.Parse(line).RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+")]
    private static partial Regex HttpUrl();
}
