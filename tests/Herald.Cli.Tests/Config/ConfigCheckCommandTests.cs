using Herald.Cli.Tests.Support;

namespace Herald.Cli.Tests.Config;

public sealed class ConfigCheckCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("herald-config-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task The_shipped_defaults_are_valid_in_Development_and_list_the_catalogue()
    {
        var (code, output, error) = await HeraldCli.RunAsync("config", "check", "--environment", "Development");
        code.ShouldBe(0, error);
        output.ShouldContain("Configuration is valid: 9 notification types.");
        output.ShouldContain("magic-code");
        output.ShouldContain("always sent");
    }

    [Fact]
    public async Task In_Production_without_a_route_config_check_says_what_to_configure_and_exits_1()
    {
        var (code, _, error) = await HeraldCli.RunAsync("config", "check");
        code.ShouldBe(1);
        error.ShouldContain("Herald:Smtp:Routes: no route is configured");
        error.ShouldContain("--environment Development");
    }

    [Fact]
    public async Task An_unknown_template_variable_is_reported_with_its_setting_and_exit_1()
    {
        var file = Write("bad.json", """{ "Herald": { "Catalogue": { "magic-code": { "Text": "Your code: {{ cod }}" } } } }""");
        var (code, _, error) = await HeraldCli.RunAsync("config", "check", "--file", file);
        code.ShouldBe(1);
        error.ShouldContain("Herald:Catalogue:magic-code:Text: unknown variable 'cod'");
    }

    [Fact]
    public async Task An_unknown_storage_kind_is_reported_with_the_allowed_kinds_and_exit_1()
    {
        var file = Write("storage.json", """{ "Herald": { "Storage": { "Kind": "mysql" } } }""");
        var (code, _, error) = await HeraldCli.RunAsync("config", "check", "--file", file);
        code.ShouldBe(1);
        error.ShouldContain("Herald:Storage:Kind: 'mysql' is not a storage kind; allowed: sqlite, postgres");
    }

    [Fact]
    public async Task A_settings_file_that_is_not_json_names_the_file_and_the_line()
    {
        var file = Write("broken.json", "{\n  \"Herald\": {\n    \"BounceDomain\": \"b.example.com\"\n    \"DataDirectory\": \"x\"\n  }\n}\n");
        var (code, _, error) = await HeraldCli.RunAsync("config", "check", "--file", file);
        code.ShouldBe(1);
        error.ShouldContain("broken.json");
        error.ShouldContain("line");
    }

    [Fact]
    public async Task A_missing_file_is_named()
    {
        var (code, _, error) = await HeraldCli.RunAsync("config", "check", "--file", Path.Combine(_dir, "nope.json"));
        code.ShouldBe(1);
        error.ShouldContain("nope.json");
    }

    [Fact]
    public async Task A_route_kind_that_is_not_a_kind_is_reported_and_exit_1()
    {
        // The finding: "Kind": "Relai" passed config check.
        var file = Write("relai.json", """{ "Herald": { "Smtp": { "Routes": { "default": { "Kind": "Relai", "Host": "smtp.example.com" } } } } }""");
        var (code, _, error) = await HeraldCli.RunAsync("config", "check", "--file", file, "--environment", "Development");
        code.ShouldBe(1);
        error.ShouldContain("Herald:Smtp:Routes:default:Kind: 'Relai' is not one of Relay, Direct");
    }

    [Fact]
    public async Task A_bad_duration_is_named_with_every_other_problem_and_no_stack_trace()
    {
        // The finding: a bad duration ended in a stack trace.
        var file = Write("duration.json", """{ "Herald": { "Delivery": { "LeaseDuration": "ten minutes" }, "Inbound": { "MaxRecipients": "abc" } } }""");
        var (code, _, error) = await HeraldCli.RunAsync("config", "check", "--file", file, "--environment", "Development");
        code.ShouldBe(1);
        error.ShouldContain("Herald:Delivery:LeaseDuration: 'ten minutes' is not a duration");
        error.ShouldContain("Herald:Inbound:MaxRecipients: 'abc' is not a whole number");
        error.ShouldContain("2 problem(s)", Case.Sensitive, error);
        error.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Serve_reports_the_same_list_and_exits_1_without_starting()
    {
        var (code, _, error) = await HeraldCli.RunAsync("serve", "--urls", "http://127.0.0.1:0",
            $"--Herald:DataDirectory={Path.Combine(_dir, "data")}", "--Herald:Delivery:LeaseDuration=ten minutes", "--Herald:Smtp:Routes:default:Kind=Relai");
        code.ShouldBe(1);
        error.ShouldContain("Herald:Delivery:LeaseDuration: 'ten minutes' is not a duration");
        error.ShouldContain("Herald:Smtp:Routes:default:Kind: 'Relai' is not one of Relay, Direct");
        error.ShouldContain("Herald did not start");
        error.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Localhost_domains_are_reported_in_Production_when_a_route_sends_mail_out()
    {
        var file = Write("route.json", """{ "Herald": { "Smtp": { "Routes": { "default": { "Kind": "Relay", "Host": "smtp.example.com" } } } } }""");
        var (code, _, error) = await HeraldCli.RunAsync("config", "check", "--file", file, "--environment", "Production");
        code.ShouldBe(1);
        error.ShouldContain("Herald:BounceDomain: 'bounces.herald.localhost' is a .localhost name");

        (await HeraldCli.RunAsync("config", "check", "--file", file, "--environment", "Development")).Code.ShouldBe(0);
    }
}
