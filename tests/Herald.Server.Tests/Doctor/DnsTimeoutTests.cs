using Herald.Testing.Dns;
using static Herald.Server.Tests.Doctor.DoctorEnvironment;

namespace Herald.Server.Tests.Doctor;

/// <summary>A DNS server that never answers: the doctor reports a time-out as what it is, never a missing domain.</summary>
public sealed class DnsTimeoutTests
{
    [Fact]
    public async Task A_DNS_server_that_never_answers_is_a_time_out_for_the_domains_IT_not_a_missing_domain()
    {
        using var silent = new SilentDnsServer();
        await using var env = await DoctorEnvironment.StartAsync([], dnsServer: silent.Endpoint);

        var report = await env.DiagnoseAsync("ana@example.test");

        report.GetProperty("addresses")[0].GetProperty("domain").GetProperty("routing").GetString().ShouldBe("timed-out");
        Cause(report, "dns-timeout", "recipient-it", "Try again in a few minutes");
        Causes(report).Select(c => c.GetProperty("code").GetString()).ShouldNotContain("domain-not-found");
    }
}
