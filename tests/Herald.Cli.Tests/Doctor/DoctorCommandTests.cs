using Herald.Cli.Tests.Support;
using Herald.Testing.Dns;

namespace Herald.Cli.Tests.Doctor;

/// <summary><c>herald doctor</c> against a real Herald whose doctor asks a real DNS server on 127.0.0.1.</summary>
public sealed class DoctorCommandTests : IAsyncLifetime
{
    private readonly TestDnsServer _dns = new("google-hosted.test MX 1 aspmx.l.google.com", "nullmx.test MX 0 .", "mimecast.test MX 10 eu-smtp-inbound-1.mimecast.com");
    private readonly InProcessHerald _herald = new();

    public async ValueTask InitializeAsync() => await _herald.StartAsync(new() { ["Herald:Doctor:Dns:Server"] = _dns.Endpoint });

    public async ValueTask DisposeAsync()
    {
        await _herald.DisposeAsync();
        _dns.Dispose();
    }

    [Fact]
    public async Task A_healthy_address_exits_0_and_names_its_provider()
    {
        var (code, output, error) = await HeraldCli.RunAsync("doctor", "ana@google-hosted.test", "--server", _herald.Url);
        code.ShouldBe(0, error + output);
        output.ShouldContain("ana@google-hosted.test: no problem found");
        output.ShouldContain("provider Google");
    }

    [Fact]
    public async Task A_cause_exits_1_with_who_must_act_and_the_next_step()
    {
        var (code, output, _) = await HeraldCli.RunAsync("doctor", "ana@nullmx.test", "--server", _herald.Url);
        code.ShouldBe(1);
        output.ShouldContain("1. [domain-accepts-no-mail]");
        output.ShouldContain("who: recipient; next: Use another address");
    }

    [Fact]
    public async Task The_kit_is_Markdown_with_where_to_allow()
    {
        var (code, output, error) = await HeraldCli.RunAsync("doctor", "ana@mimecast.test", "--kit", "--server", _herald.Url);
        code.ShouldBe(0, error);
        output.ShouldStartWith("# Allowlist request for mimecast.test");
        output.ShouldContain("Permitted Senders");
    }

    [Fact]
    public async Task Neither_a_subject_nor_sender_is_a_usage_error_and_an_absent_Herald_is_unreachable()
    {
        (await HeraldCli.RunAsync("doctor", "--server", _herald.Url)).Code.ShouldBe(2);
        (await HeraldCli.RunAsync("doctor", "ana@nullmx.test", "--server", "http://127.0.0.1:9")).Code.ShouldBe(3);
    }
}
