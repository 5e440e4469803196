using Herald.Cli.Tests.Support;

namespace Herald.Cli.Tests.Serve;

/// <summary>Where mail goes, as the real <c>herald serve</c> decides it and says it in its first log lines.</summary>
public sealed class ServeStartupTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("herald-serve-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Data => Path.Combine(_dir, "data");

    [Fact]
    public async Task In_Production_without_a_route_serve_refuses_to_start_and_names_Herald_Smtp_Routes()
    {
        var (code, error, output) = await ServeProcess.RefusalAsync(ServeProcess.Loopback(Data));

        code.ShouldBe(1, string.Join('\n', output));
        error.ShouldContain("Herald:Smtp:Routes: no route is configured");
        error.ShouldContain("not in Production");
        error.ShouldContain("Herald did not start");
        output.ShouldNotContain(l => l.Contains("Now listening", StringComparison.Ordinal));
    }

    [Fact]
    public async Task In_Development_without_a_route_the_first_log_lines_say_mail_is_caught_which_store_and_which_addresses_listen()
    {
        using var serve = ServeProcess.Start(ServeProcess.Loopback(Data, "--environment", "Development"));
        var listening = await serve.WaitForLineAsync("Listening: HTTP");

        var herald = serve.Output.Where(l => l.Contains("Herald.Server.Hosting.StartupReport", StringComparison.Ordinal)).ToList();
        herald[0].ShouldContain("Herald starting in the Development environment");
        herald[1].ShouldContain("Mail goes to: the development mailbox on 127.0.0.1:");
        herald[1].ShouldContain("sent to nobody");
        herald[2].ShouldContain($"Opening the store: sqlite at {Path.Combine(Data, "herald.db")}, creating it with the current schema");
        herald[3].ShouldContain($"Store: sqlite at {Path.Combine(Data, "herald.db")} (created)");
        serve.Output.Take(3).ShouldAllBe(l => l.Contains("StartupReport", StringComparison.Ordinal), "the first log lines are Herald's own");
        listening.ShouldMatch(@"Listening: HTTP http://127\.0\.0\.1:\d+; inbound SMTP 127\.0\.0\.1:\d+");
    }

    [Fact]
    public async Task With_a_route_the_first_log_lines_name_the_relay_and_the_store_is_opened_on_the_next_start()
    {
        using (var first = ServeProcess.Start(ServeProcess.WithRoute(Data)))
        {
            (await first.WaitForLineAsync("Mail goes to:")).ShouldContain("route default: relay 127.0.0.1:9 (STARTTLS None)");
            await first.WaitForLineAsync("Listening: HTTP");
        }

        using var second = ServeProcess.Start(ServeProcess.WithRoute(Data));
        (await second.WaitForLineAsync("Opening the store:")).ShouldContain("applying any schema migrations it lacks");
        (await second.WaitForLineAsync("Store: sqlite")).ShouldContain($"Store: sqlite at {Path.Combine(Data, "herald.db")} (opened)");
    }

    [Fact]
    public async Task An_unknown_role_stops_serve_naming_roles_and_the_first_line_says_which_roles_run()
    {
        var (code, error, output) = await ServeProcess.RefusalAsync(ServeProcess.WithRoute(Data, "--roles", "api,mailer"));

        code.ShouldBe(1, string.Join('\n', output));
        error.ShouldContain("Herald:Roles (--roles): 'mailer' is not a role; the roles are api, delivery, inbound, webhooks");
        error.ShouldContain("Herald did not start");

        using var serve = ServeProcess.Start(ServeProcess.WithRoute(Data, "--roles", "api,delivery"));
        (await serve.WaitForLineAsync("Herald starting in")).ShouldContain("roles: api,delivery");
        (await serve.WaitForLineAsync("Listening: HTTP")).ShouldContain("inbound off (not a role of this node: Herald:Roles)");
    }
}
