using Herald.Core.Doctor;
using Herald.Testing.Dns;

namespace Herald.Dns.Tests;

/// <summary>The DnsClient adapter against a real DNS server on 127.0.0.1: every outcome a value, never an exception.</summary>
public sealed class DnsClientQueryTests : IDisposable
{
    private static readonly string LongKey = new('A', 392);

    private readonly TestDnsServer _server = new(
        "example.test MX 10 MX1.Example.Test.",
        "example.test MX 20 mx2.example.test",
        "example.test TXT v=spf1 -all",
        $"sel._domainkey.example.test TXT v=DKIM1; k=rsa; p={LongKey}",
        "nullmx.test MX 0 .",
        "broken.test SERVFAIL",
        "10.2.0.192.in-addr.arpa PTR mail.example.test",
        "mail.example.test A 192.0.2.10",
        "mail.example.test AAAA 2001:db8::10");

    private DnsClientQuery Query() => new(new DnsOptions { Server = _server.Endpoint, Timeout = TimeSpan.FromSeconds(2) });

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task MX_hosts_come_back_lower_case_without_the_trailing_dot_with_their_preference()
    {
        var answer = await Query().QueryAsync("example.test", DnsRecordType.Mx, TestContext.Current.CancellationToken);
        answer.Status.ShouldBe(DnsStatus.Answered);
        answer.Records.OrderBy(r => r.Preference).ShouldBe([new DnsRecord("mx1.example.test", 10), new DnsRecord("mx2.example.test", 20)]);
    }

    [Fact]
    public async Task A_null_MX_is_one_record_with_an_empty_host()
    {
        var answer = await Query().QueryAsync("nullmx.test", DnsRecordType.Mx, TestContext.Current.CancellationToken);
        answer.Records.ShouldBe([new DnsRecord("", 0)]);
    }

    [Fact]
    public async Task A_TXT_record_of_several_strings_is_joined_as_RFC_7208_says()
    {
        var answer = await Query().QueryAsync("sel._domainkey.example.test", DnsRecordType.Txt, TestContext.Current.CancellationToken);
        answer.Records.ShouldHaveSingleItem().Data.ShouldBe($"v=DKIM1; k=rsa; p={LongKey}");
    }

    [Fact]
    public async Task Addresses_and_reverse_names_are_answered()
    {
        var query = Query();
        (await query.QueryAsync("mail.example.test", DnsRecordType.A, TestContext.Current.CancellationToken)).Records.ShouldBe([new DnsRecord("192.0.2.10")]);
        (await query.QueryAsync("mail.example.test", DnsRecordType.Aaaa, TestContext.Current.CancellationToken)).Records.ShouldBe([new DnsRecord("2001:db8::10")]);
        (await query.QueryAsync("10.2.0.192.in-addr.arpa", DnsRecordType.Reverse, TestContext.Current.CancellationToken)).Records.ShouldBe([new DnsRecord("mail.example.test")]);
    }

    [Fact]
    public async Task No_such_name_no_data_and_a_failing_server_are_three_different_answers()
    {
        var query = Query();
        (await query.QueryAsync("missing.test", DnsRecordType.Mx, TestContext.Current.CancellationToken)).Status.ShouldBe(DnsStatus.NameNotFound);
        (await query.QueryAsync("mail.example.test", DnsRecordType.Mx, TestContext.Current.CancellationToken)).Status.ShouldBe(DnsStatus.NoData);
        var failed = await query.QueryAsync("broken.test", DnsRecordType.Mx, TestContext.Current.CancellationToken);
        failed.Status.ShouldBe(DnsStatus.ServerFailure);
        failed.Error.ShouldNotBeNull().ShouldContain("broken.test");
    }

    [Fact]
    public async Task A_server_that_never_answers_is_a_time_out()
    {
        using var silent = new SilentDnsServer();
        var query = new DnsClientQuery(new DnsOptions { Server = silent.Endpoint, Timeout = TimeSpan.FromMilliseconds(500) });
        var answer = await query.QueryAsync("example.test", DnsRecordType.Mx, TestContext.Current.CancellationToken);
        answer.Status.ShouldBe(DnsStatus.TimedOut);
    }
}
