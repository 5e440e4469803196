using System.Security.Cryptography;
using Herald.Server.Tests.Support;

namespace Herald.Server.Tests.Configuration;

/// <summary>
/// The one list of configuration problems (start-up and <c>herald config check</c>): every option that cannot work is
/// named with its setting, several at once, and none ends in a stack trace.
/// </summary>
public sealed class ConfigurationCheckTests : IDisposable
{
    private static readonly Dictionary<string, string?> Route = new()
    {
        ["Herald:Smtp:Routes:default:Kind"] = "Relay",
        ["Herald:Smtp:Routes:default:Host"] = "smtp.example.com",
    };

    private readonly string _dir = Directory.CreateTempSubdirectory("herald-config-check-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static IReadOnlyList<string> Check(Dictionary<string, string?> settings) => ConfigurationProbe.Check(settings);

    private static IReadOnlyList<string> Check(Dictionary<string, string?> first, Dictionary<string, string?> then)
    {
        var settings = new Dictionary<string, string?>(first);
        foreach (var (key, value) in then)
        {
            settings[key] = value;
        }

        return ConfigurationProbe.Check(settings);
    }

    [Fact]
    public void A_route_kind_that_is_not_a_kind_is_named_with_the_kinds_there_are()
    {
        // The finding: "Kind": "Relai" passed config check.
        Check(Route, new() { ["Herald:Smtp:Routes:default:Kind"] = "Relai" })
            .ShouldContain("Herald:Smtp:Routes:default:Kind: 'Relai' is not one of Relay, Direct");
    }

    [Fact]
    public void A_negative_intake_concurrency_is_named_and_zero_is_no_limit()
    {
        Check(Route, new() { ["Herald:Delivery:IntakeConcurrency"] = "-1" })
            .ShouldContain("Herald:Delivery:IntakeConcurrency: must not be negative (0: no limit)");
        Check(Route, new() { ["Herald:Delivery:IntakeConcurrency"] = "0" }).ShouldNotContain(p => p.Contains("IntakeConcurrency", StringComparison.Ordinal));
    }

    [Fact]
    public void Values_that_do_not_convert_are_each_named_together_with_every_other_problem()
    {
        // The finding: a bad duration crashed with a stack trace; the binder stops at the first value it cannot convert.
        var problems = Check(new()
        {
            ["Herald:Delivery:LeaseDuration"] = "ten minutes",
            ["Herald:Inbound:MaxRecipients"] = "abc",
            ["Herald:Delivery:Concurrency"] = "",
            ["Herald:Catalogue:magic-code:OptOut"] = "perhaps",
            ["Herald:Smtp:Routes:default:Timeout"] = "soon",
            ["Herald:Smtp:Routes:default:Host"] = "smtp.example.com",
            ["Herald:Storage:Kind"] = "mysql",
            ["Herald:RateLimits:PerKey:PerSecond"] = "fast",
            ["Herald:Catalogue:integration-alert:RateLimit:Window"] = "a while",
            ["environment"] = "Development",
        });
        problems.ShouldContain(p => p.StartsWith("Herald:Delivery:LeaseDuration: 'ten minutes' is not a duration", StringComparison.Ordinal));
        problems.ShouldContain("Herald:Inbound:MaxRecipients: 'abc' is not a whole number");
        problems.ShouldContain("Herald:Delivery:Concurrency: '' is not a whole number");
        problems.ShouldContain("Herald:Catalogue:magic-code:OptOut: 'perhaps' is not true or false");
        problems.ShouldContain(p => p.StartsWith("Herald:Smtp:Routes:default:Timeout: 'soon'", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("Herald:Storage:Kind:", StringComparison.Ordinal));
        problems.ShouldContain("Herald:RateLimits:PerKey:PerSecond: 'fast' is not a whole number");
        problems.ShouldContain(p => p.StartsWith("Herald:Catalogue:integration-alert:RateLimit:Window: 'a while'", StringComparison.Ordinal));
        problems.Count.ShouldBe(8, string.Join("\n", problems)); // the rest still reads as it is: nothing else named
    }

    [Fact]
    public void A_negative_duration_is_named_whichever_setting_it_is()
    {
        // The finding: a negative Herald:Pages:PortalSession passed config check (every portal session expired at once).
        var problems = Check(Route, new()
        {
            ["Herald:Pages:PortalSession"] = "-00:30:00",
            ["Herald:Delivery:IdlePoll"] = "-1.00:00:00",
            ["Herald:Retention:Messages"] = " -30.00:00:00",
        });

        problems.ShouldContain("Herald:Pages:PortalSession: '-00:30:00' is negative; a duration must be 00:00:00 or more");
        problems.ShouldContain("Herald:Delivery:IdlePoll: '-1.00:00:00' is negative; a duration must be 00:00:00 or more");
        problems.ShouldContain(p => p.StartsWith("Herald:Retention:Messages: ", StringComparison.Ordinal));
        Check(Route, new() { ["Herald:Pages:PortalSession"] = "00:30:00" }).ShouldNotContain(p => p.StartsWith("Herald:Pages", StringComparison.Ordinal));
    }

    [Fact]
    public void Ports_and_hosts_that_cannot_work_are_named()
    {
        var problems = Check(new()
        {
            ["urls"] = "http://127.0.0.1:99999;ftp://127.0.0.1:21",
            ["Herald:Smtp:LocalDomain"] = "not a host",
            ["Herald:Smtp:Routes:relay:Kind"] = "Relay",
            ["Herald:Smtp:Routes:relay:Host"] = "smtp example com",
            ["Herald:Smtp:Routes:relay:Port"] = "70000",
            ["Herald:Smtp:Routes:hostless:Kind"] = "Relay",
            ["Herald:Smtp:Routes:direct:Kind"] = "Direct",
            ["Herald:Smtp:Routes:direct:DnsServer"] = "dns.example",
            ["Herald:Smtp:Routes:direct:MaxConnections"] = "0",
            ["Herald:Smtp:DevMailbox:Port"] = "-1",
            ["Herald:Inbound:ServerName"] = "two words",
        });
        problems.ShouldContain(p => p.StartsWith("urls: 'http://127.0.0.1:99999' has no valid port", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("urls: 'ftp://127.0.0.1:21' is not an http(s) URL", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("Herald:Smtp:LocalDomain:", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("Herald:Smtp:Routes:relay:Host: 'smtp example com'", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("Herald:Smtp:Routes:relay:Port: 70000", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("Herald:Smtp:Routes:hostless:Host: a Relay route needs", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("Herald:Smtp:Routes:direct:DnsServer: 'dns.example'", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("Herald:Smtp:Routes:direct:MaxConnections:", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("Herald:Smtp:DevMailbox:", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("Herald:Inbound:ServerName:", StringComparison.Ordinal));
    }

    [Fact]
    public void Numeric_limits_out_of_range_are_named()
    {
        var problems = Check(new()
        {
            ["Herald:Inbound:MaxMessageSize"] = "1000",
            ["Herald:Inbound:MaxLineLength"] = "80",
            ["Herald:Inbound:CommandTimeout"] = "00:00:00",
            ["Herald:Http:MaxRequestBodyBytes"] = "10",
            ["Herald:Http:RequestBodyGracePeriod"] = "00:00:00.500",
            ["Herald:Delivery:IdlePoll"] = "00:00:00",
        });
        problems.ShouldContain(p => p.StartsWith("Herald:Inbound:MaxMessageSize:", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("Herald:Inbound:MaxLineLength:", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("Herald:Inbound: SessionTimeout and CommandTimeout", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("Herald:Http:MaxRequestBodyBytes:", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("Herald:Http: MinRequestBodyDataRate", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("Herald:Delivery: IdempotencyWindow and IdlePoll", StringComparison.Ordinal));
    }

    [Fact]
    public void A_disabled_bounce_listener_is_not_checked()
    {
        Check(new() { ["Herald:Inbound:Enabled"] = "false", ["Herald:Inbound:MaxLineLength"] = "80", ["environment"] = "Development" }).ShouldBeEmpty();
    }

    [Fact]
    public void A_sender_route_that_does_not_exist_is_named()
    {
        Check(Route, new() { ["Herald:Catalogue:magic-code:Sender:Route"] = "transactional" })
            .ShouldContain("Herald:Catalogue:magic-code:Sender:Route: 'transactional' is not a route in Herald:Smtp:Routes (routes: default)");
    }

    [Fact]
    public void Localhost_domains_are_problems_in_Production_once_mail_leaves_the_machine()
    {
        var production = Check(Route, new() { ["environment"] = "Production" });
        production.ShouldContain(p => p.StartsWith("Herald:BounceDomain: 'bounces.herald.localhost' is a .localhost name", StringComparison.Ordinal));
        production.ShouldContain(p => p.StartsWith("Herald:MessageIdDomain: 'herald.localhost'", StringComparison.Ordinal));
        production.ShouldContain(p => p.StartsWith("Herald:DefaultSender:Address: 'notifications@herald.localhost'", StringComparison.Ordinal));
        production.Count.ShouldBe(3);

        Check(Route).Count.ShouldBe(3, "Production is the environment when none is set, as for ASP.NET Core");
        Check(Route, new() { ["ASPNETCORE_ENVIRONMENT"] = "Development" }).ShouldBeEmpty();
        Check(new() { ["environment"] = "Production" }).ShouldHaveSingleItem()
            .ShouldStartWith("Herald:Smtp:Routes: no route is configured", Case.Sensitive, "the development mailbox runs only in Development");
        Check(Route, new()
        {
            ["Herald:BounceDomain"] = "bounces.acme.example",
            ["Herald:MessageIdDomain"] = "acme.example",
            ["Herald:DefaultSender:Address"] = "no-reply@acme.example",
        }).ShouldBeEmpty();
    }

    [Fact]
    public void A_DKIM_key_file_must_exist_be_readable_of_a_sane_size_and_hold_a_key()
    {
        var empty = Path.Combine(_dir, "empty.pem");
        File.WriteAllText(empty, "");
        var huge = Path.Combine(_dir, "huge.pem");
        File.WriteAllBytes(huge, new byte[100 * 1024]);
        var garbage = Path.Combine(_dir, "garbage.pem");
        File.WriteAllText(garbage, "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n");
        var good = Path.Combine(_dir, "good.pem");
        using (var rsa = RSA.Create(2048))
        {
            File.WriteAllText(good, rsa.ExportPkcs8PrivateKeyPem());
        }

        var settings = new Dictionary<string, string?>();
        var files = new[] { Path.Combine(_dir, "missing.pem"), empty, huge, garbage, good };
        for (var i = 0; i < files.Length; i++)
        {
            settings[$"Herald:Smtp:Dkim:Keys:{i}:Domain"] = "acme.example";
            settings[$"Herald:Smtp:Dkim:Keys:{i}:Selector"] = "s" + i;
            settings[$"Herald:Smtp:Dkim:Keys:{i}:PrivateKeyFile"] = files[i];
        }

        settings["Herald:Smtp:Dkim:Keys:5:Domain"] = "acme.example";
        settings["Herald:Smtp:Dkim:Keys:5:Selector"] = "s5";
        settings["Herald:Smtp:Dkim:Keys:5:PrivateKeyFile"] = good;
        settings["Herald:Smtp:Dkim:Keys:5:Algorithm"] = "rsa-sha1";

        var problems = Check(settings);
        problems.ShouldContain(p => p.StartsWith("Herald:Smtp:Dkim:Keys:0:PrivateKeyFile:", StringComparison.Ordinal) && p.Contains("does not exist", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("Herald:Smtp:Dkim:Keys:1:PrivateKeyFile:", StringComparison.Ordinal) && p.Contains("0 bytes", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("Herald:Smtp:Dkim:Keys:2:PrivateKeyFile:", StringComparison.Ordinal) && p.Contains("102400 bytes", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("Herald:Smtp:Dkim:Keys:3:PrivateKeyFile: holds no usable rsa-sha256 private key", StringComparison.Ordinal));
        problems.ShouldNotContain(p => p.StartsWith("Herald:Smtp:Dkim:Keys:4:", StringComparison.Ordinal));
        problems.ShouldContain("Herald:Smtp:Dkim:Keys:5:Algorithm: 'rsa-sha1' is not rsa-sha256 or ed25519-sha256");
    }

    [Fact]
    public void An_unreadable_DKIM_key_file_is_named()
    {
        Assert.SkipWhen(Environment.UserName == "root", "root reads any file: the permission cannot be taken away from it");
        var locked = Path.Combine(_dir, "locked.pem");
        File.WriteAllText(locked, "x");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(locked, UnixFileMode.None);
        }

        Check(new()
        {
            ["Herald:Smtp:Dkim:Keys:0:Domain"] = "acme.example",
            ["Herald:Smtp:Dkim:Keys:0:Selector"] = "s1",
            ["Herald:Smtp:Dkim:Keys:0:PrivateKeyFile"] = locked,
        }).ShouldContain(p => p.StartsWith("Herald:Smtp:Dkim:Keys:0:PrivateKeyFile:", StringComparison.Ordinal) && p.Contains("cannot be read", StringComparison.Ordinal));
    }
}
