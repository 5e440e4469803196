using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Herald.Server.Tests.Support;
using Herald.Testing.Dns;

namespace Herald.Server.Tests.Doctor;

/// <summary>A real Herald whose doctor asks a real DNS server on 127.0.0.1 serving the test's zone, relaying to a scripted SMTP server.</summary>
internal sealed class DoctorEnvironment : IAsyncDisposable
{
    private readonly TestDnsServer _dns;

    private DoctorEnvironment(TestDnsServer dns, ScriptedHerald herald) => (_dns, Herald) = (dns, herald);

    public ScriptedHerald Herald { get; }

    public HeraldTestHost Host => Herald.Host;

    public static async Task<DoctorEnvironment> StartAsync(
        string[] zone, Dictionary<string, string?>? settings = null, Func<string, string, int, ServerAction?>? smtp = null, string? dnsServer = null,
        TimeProvider? time = null)
    {
        var dns = new TestDnsServer(zone);
        var all = new Dictionary<string, string?>(settings ?? [])
        {
            ["Herald:Doctor:Dns:Server"] = dnsServer ?? dns.Endpoint,
            ["Herald:Doctor:Dns:Timeout"] = "00:00:01",
        };
        var herald = await ScriptedHerald.StartAsync(smtp ?? ((_, _, _) => null), time, all);
        return new DoctorEnvironment(dns, herald);
    }

    public async Task<JsonElement> DiagnoseAsync(string subject)
    {
        using var response = await Host.Http.GetAsync($"/v1/diagnoses/{Uri.EscapeDataString(subject)}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<string> KitAsync(string address)
    {
        using var response = await Host.Http.GetAsync($"/v1/diagnoses/{Uri.EscapeDataString(address)}/kit");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/markdown");
        return await response.Content.ReadAsStringAsync();
    }

    public async Task<JsonElement> SenderCheckAsync() => await Host.Http.GetFromJsonAsync<JsonElement>("/v1/sender-check");

    public async Task<string> SendAsync(string to) =>
        (await Host.SendAsync(new { type = "integration-alert", to, data = new { integration = "Slack", problem = "token expired" } })).GetProperty("id").GetString()!;

    public async ValueTask DisposeAsync()
    {
        await Herald.DisposeAsync();
        _dns.Dispose();
    }

    /// <summary>The causes of the report's only address (or the sender report), in rank order.</summary>
    public static JsonElement[] Causes(JsonElement report) =>
        (report.TryGetProperty("addresses", out var a) ? a[0] : report).GetProperty("causes").EnumerateArray().ToArray();

    /// <summary>The one cause with this code, asserted with who must act and a phrase of the next step.</summary>
    public static JsonElement Cause(JsonElement report, string code, string actor, string nextStep)
    {
        var causes = Causes(report);
        var cause = causes.Where(c => c.GetProperty("code").GetString() == code).ShouldHaveSingleItem($"causes: {report}");
        cause.GetProperty("actor").GetString().ShouldBe(actor);
        cause.GetProperty("nextStep").GetString()!.ShouldContain(nextStep);
        return cause;
    }
}
