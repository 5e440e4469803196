using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Herald.Server.Tests.Support;

namespace Herald.Server.Tests.Api;

/// <summary>Every bad input is a 4xx ProblemDetails naming what is wrong, never a 500 (real Herald on 127.0.0.1).</summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private HeraldTestHost _host = null!;

    // Production as deployed: a route (to a port where nothing listens; the development mailbox runs only in
    // Development) and domains of its own.
    public async ValueTask InitializeAsync() => _host = await HeraldTestHost.StartAsync(9, new()
    {
        ["Herald:Http:MaxRequestBodyBytes"] = "65536",
        ["Herald:Http:RequestBodyGracePeriod"] = "00:00:01.500",
        ["Herald:BounceDomain"] = "bounces.acme.example",
        ["Herald:MessageIdDomain"] = "acme.example",
        ["Herald:DefaultSender:Address"] = "notifications@acme.example",
    }, environment: "Production");

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private async Task<(HttpStatusCode Status, JsonElement Problem)> SendAsync(HttpMethod method, string path, byte[]? body, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        using var response = await _host.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode >= 400)
        {
            response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", text);
            text.ShouldNotContain("   at ");
        }

        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);

    private static string[] Fields(JsonElement problem) =>
        problem.TryGetProperty("errors", out var errors) ? errors.EnumerateObject().Select(p => p.Name).ToArray() : [];

    [Fact]
    public async Task A_number_a_template_cannot_show_is_refused_at_acceptance_naming_the_data_field()
    {
        // The finding: 1e30 in a data field was accepted (202), then failed every attempt with OverflowException until it expired.
        var (status, problem) = await SendAsync(HttpMethod.Post, "/v1/messages",
            Utf8("""{"type":"integration-alert","to":"ana@example.com","data":{"integration":1e30,"problem":"x"}}"""));
        status.ShouldBe(HttpStatusCode.BadRequest);
        Fields(problem).ShouldBe(["data.integration"]);
        problem.GetProperty("errors").GetProperty("data.integration")[0].GetString()!.ShouldContain("1e30");
    }

    [Theory]
    [InlineData("""{"type":"integration-alert","to":"ana@example.com","data":{"integration":"\ud800","problem":"x"}}""", "data.integration")]
    [InlineData("""{"type":"integration-alert","to":"ana@example.com","data":{"integration":"Slack","problem":["ok","\udfff"]}}""", "data.problem[1]")]
    [InlineData("""{"type":"integration-alert","to":"\ud800@example.com","data":{"integration":"Slack","problem":"x"}}""", "to")]
    [InlineData("""{"type":"\ud800","to":"ana@example.com","data":{}}""", "type")]
    [InlineData("""{"type":"integration-alert","to":{"recipient":"\udbff"},"data":{}}""", "to.recipient")]
    public async Task A_lone_surrogate_in_a_string_of_the_send_body_is_a_400_naming_the_field(string json, string field)
    {
        var (status, problem) = await SendAsync(HttpMethod.Post, "/v1/messages", Utf8(json));
        status.ShouldBe(HttpStatusCode.BadRequest);
        Fields(problem).ShouldBe([field]);
    }

    [Fact]
    public async Task Invalid_UTF_8_in_a_string_of_the_send_body_is_a_400_naming_the_field()
    {
        var body = Utf8("""{"type":"integration-alert","to":"ana@example.com","data":{"integration":"Sl#ck","problem":"x"}}""");
        body[Array.IndexOf(body, (byte)'#')] = 0xFF;
        var (status, problem) = await SendAsync(HttpMethod.Post, "/v1/messages", body);
        status.ShouldBe(HttpStatusCode.BadRequest);
        Fields(problem).ShouldBe(["data.integration"]);
    }

    [Theory]
    [InlineData("/v1/suppressions", """{"address":"ana@example.com","operator":"\ud800"}""", "operator")]
    [InlineData("/v1/recipients", """{"id":"u_1","addresses":["ana@example.com","\ud800"]}""", "addresses[1]")]
    [InlineData("/v1/recipients", """{"id":"u_1","addresses":"ana@example.com"}""", "addresses")]
    [InlineData("/v1/suppressions", """{"address":"ana@example.com","operator":"me","expiresAt":"tomorrow"}""", "expiresAt")]
    public async Task A_body_the_framework_cannot_bind_is_a_400_naming_the_field(string path, string json, string field)
    {
        var (status, problem) = await SendAsync(HttpMethod.Post, path, Utf8(json));
        status.ShouldBe(HttpStatusCode.BadRequest);
        Fields(problem).ShouldBe([field], problem.ToString());
    }

    [Fact]
    public async Task Invalid_UTF_8_in_a_bound_body_is_a_400()
    {
        var body = Utf8("""{"address":"ana@example.com","operator":"m#"}""");
        body[Array.IndexOf(body, (byte)'#')] = 0xC0;
        var (status, problem) = await SendAsync(HttpMethod.Post, "/v1/suppressions", body);
        status.ShouldBe(HttpStatusCode.BadRequest);
        Fields(problem).ShouldBe(["operator"], problem.ToString());
    }

    [Theory]
    [InlineData("/v1/incidents?limit=abc", "limit")]
    [InlineData("/v1/incidents?limit=99999999999", "limit")]
    [InlineData("/v1/recipients/ana@example.com/messages?limit=1.5", "limit")]
    public async Task A_query_value_of_the_wrong_type_is_a_400_naming_it(string path, string field)
    {
        var (status, problem) = await SendAsync(HttpMethod.Get, path, null);
        status.ShouldBe(HttpStatusCode.BadRequest);
        Fields(problem).ShouldBe([field]);
    }

    [Fact]
    public async Task A_body_of_the_wrong_media_type_is_a_415_problem()
    {
        var (status, problem) = await SendAsync(HttpMethod.Post, "/v1/suppressions", Utf8("address=ana@example.com"), "application/x-www-form-urlencoded");
        status.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        problem.GetProperty("status").GetInt32().ShouldBe(415);
    }

    [Theory]
    [InlineData("/v1/messages")]
    [InlineData("/v1/recipients")]
    [InlineData("/v1/suppressions")]
    public async Task A_body_over_the_configured_limit_is_a_413_problem(string path)
    {
        // The finding: a body over 30 MB gave 500. The limit here is 64 KiB (Herald:Http:MaxRequestBodyBytes).
        var body = Utf8("{\"type\":\"integration-alert\",\"to\":\"ana@example.com\",\"data\":{\"integration\":\"" + new string('x', 70_000) + "\"}}");
        var (status, problem) = await SendAsync(HttpMethod.Post, path, body);
        status.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        problem.GetProperty("title").GetString().ShouldBe("Body too large");
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_a_413_problem_too()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/messages")
        {
            Content = new StreamContent(new MemoryStream(new byte[200_000])),
        };
        request.Headers.TransferEncodingChunked = true;
        using var response = await _host.Http.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task A_stalled_body_is_a_408_problem()
    {
        // The finding: a stalled body gave 500. Kestrel's minimum body rate applies after the configured grace period.
        var port = _host.Http.BaseAddress!.Port;
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        var stream = client.GetStream();
        var head = $"POST /v1/messages HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAuthorization: {_host.Http.DefaultRequestHeaders.Authorization}\r\n" +
            "Content-Type: application/json\r\nContent-Length: 4000\r\n\r\n{\"type\":";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var answer = new StringBuilder();
        var buffer = new byte[4096];
        int read;
        while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
        {
            answer.Append(Encoding.UTF8.GetString(buffer, 0, read));
            if (answer.ToString().Contains("\r\n\r\n", StringComparison.Ordinal) && answer.ToString().Contains("\"status\":408", StringComparison.Ordinal))
            {
                break;
            }
        }

        var text = answer.ToString();
        text.ShouldStartWith("HTTP/1.1 408");
        text.ShouldContain("application/problem+json");
        text.ShouldContain("\"status\":408");
    }

    [Fact]
    public async Task An_unknown_route_and_a_wrong_method_are_problems_too()
    {
        (await SendAsync(HttpMethod.Get, "/v1/nothing-here", null)).Status.ShouldBe(HttpStatusCode.NotFound);
        (await SendAsync(HttpMethod.Delete, "/v1/messages", null)).Status.ShouldBe(HttpStatusCode.MethodNotAllowed);
    }
}
