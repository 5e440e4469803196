using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Herald.Server.Providers;
using Herald.Server.Tests.Providers;
using Herald.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Server.Tests.Hostile;

/// <summary>
/// Thousands of generated hostile requests across every endpoint against a real Herald in Production (a real scripted
/// SMTP peer on 127.0.0.1 behind it, both provider webhooks configured): not one 5xx, every 4xx an RFC 9457
/// ProblemDetails with its status and a title (the link pages answer people, in HTML), and no stack trace anywhere.
/// </summary>
public sealed class HostileRequestTests : HostedHeraldTests
{
    private const int Seed = 20261130;
    private const int Count = 5_000;

    private readonly SnsTestSigner _sns = new(DateTimeOffset.UtcNow);
    private HttpClient _http = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        // Waits for the server's answer to Expect: 100-continue however busy the run is (the default is one second).
        _http = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromSeconds(30) }) { BaseAddress = Host.Http.BaseAddress };
        _http.DefaultRequestHeaders.Authorization = Host.Http.DefaultRequestHeaders.Authorization; // the host's key, every scope
    }

    public override async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await base.DisposeAsync();
        _sns.Dispose();
    }

    private protected override Task<HeraldTestHost> StartHostAsync(int smtpPort)
    {
        var certificates = new RecordingCertificateSource(_sns.Certificate);
        return HeraldTestHost.StartAsync(smtpPort, new()
        {
            // Production, as deployed: real-looking domains, and the default body limits.
            ["Herald:BounceDomain"] = "bounces.hostile.example",
            ["Herald:MessageIdDomain"] = "hostile.example",
            ["Herald:DefaultSender:Address"] = "notifications@hostile.example",
            ["Herald:Providers:Ses:AllowedTopicArns:0"] = SnsTestSigner.TopicArn,
            ["Herald:Providers:Mailgun:SigningKey"] = MailgunTestPayloads.SigningKey,
        }, s =>
        {
            s.AddSingleton<ISigningCertificateSource>(certificates);
            s.AddSingleton<ISubscriptionConfirmer>(new RecordingConfirmer());
        }, environment: "Production");
    }

    [Fact]
    public async Task Five_thousand_generated_hostile_requests_get_no_500_and_every_4xx_is_a_problem_details()
    {
        var requests = new HostileRequests(Seed, _sns).Generate(Count);
        var answers = new ConcurrentBag<(HostileRequest Request, int Status, string? Wrong)>();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = TestContext.Current.CancellationToken },
            async (request, cancellationToken) =>
            {
                var (status, wrong) = await SendAsync(request, cancellationToken);
                answers.Add((request, status, wrong));
            });

        var byStatus = answers.GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}");
        TestContext.Current.TestOutputHelper?.WriteLine($"{answers.Count} requests in {clock.Elapsed.TotalSeconds:0.0} s; {string.Join(", ", byStatus)}");
        answers.Count.ShouldBe(Count);
        var wrongs = answers.Where(a => a.Wrong is not null).OrderBy(a => a.Status is > 0 and < 500).ThenBy(a => a.Request.Label, StringComparer.Ordinal).Take(15)
            .Select(a => $"{a.Request.Label} -> {a.Status}: {a.Wrong}").ToList();
        wrongs.ShouldBeEmpty(string.Join("\n", wrongs));
        answers.Count(a => a.Status is >= 200 and < 300).ShouldBeGreaterThan(100, "the generator must also reach the handlers");
    }

    [Fact]
    public async Task A_body_of_31_MB_is_a_413_problem_not_a_500()
    {
        // The finding: bodies over 30 MB gave 500. Herald's default limit is 1 MiB (Herald:Http:MaxRequestBodyBytes).
        var body = new byte[31 * 1024 * 1024];
        Array.Fill(body, (byte)' ');
        var (status, wrong) = await SendAsync(new HostileRequest("POST", "/v1/messages", body, "application/json", "31 MB"), TestContext.Current.CancellationToken);
        status.ShouldBe(413);
        wrong.ShouldBeNull();
    }

    /// <returns>The status, and what is wrong with the answer (null when it is right).</returns>
    private async Task<(int Status, string? Wrong)> SendAsync(HostileRequest request, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Path);
        if (request.Body is not null)
        {
            // As curl does for a large body: ask first (RFC 9110 10.1.1), so a body over the limit is answered 413
            // before it is sent, rather than sent whole to a server that has stopped reading and closes the connection.
            message.Headers.ExpectContinue = request.Body.Length > 1024 * 1024;
            message.Content = new ByteArrayContent(request.Body);
            message.Content.Headers.ContentType = null;
            if (request.ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
            }
        }

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(message, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            return (0, $"no answer: {e.Message}");
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            return (status, Check(request, response.Content.Headers.ContentType, status, text));
        }
    }

    private static string? Check(HostileRequest request, MediaTypeHeaderValue? type, int status, string text)
    {
        if (status >= 500)
        {
            return $"server error: {Shorten(text)}";
        }

        if (text.Contains("   at ", StringComparison.Ordinal) || text.Contains("Exception", StringComparison.Ordinal))
        {
            return $"leaks an exception: {Shorten(text)}";
        }

        if (status < 400 || request.Method == "HEAD")
        {
            return null;
        }

        // The owner's unblock and re-verification answer a refusal with the same body as a success (result "refused",
        // the reason, notBefore and the address's status): a documented 409, not a problem (DeliverabilityApi).
        var path = request.Path.Split('?')[0];
        if (status == 409 && path.StartsWith("/v1/recipients/", StringComparison.Ordinal)
            && (path.EndsWith("/unblock", StringComparison.Ordinal) || path.EndsWith("/verification", StringComparison.Ordinal) || path.EndsWith("/probe", StringComparison.Ordinal))
            && text.Contains("\"result\":\"refused\"", StringComparison.Ordinal))
        {
            return null;
        }

        var page = (path.StartsWith("/unsubscribe/", StringComparison.Ordinal) || path.StartsWith("/verify/", StringComparison.Ordinal))
            && request.Method is "GET" or "POST" && type?.MediaType == "text/html";
        if (page)
        {
            return null; // the link pages answer a person in a browser, with the same status
        }

        if (type?.MediaType != "application/problem+json")
        {
            return $"4xx as {type?.MediaType ?? "no media type"}: {Shorten(text)}";
        }

        try
        {
            var problem = JsonDocument.Parse(text).RootElement;
            return problem.TryGetProperty("status", out var s) && s.GetInt32() == status && problem.TryGetProperty("title", out var t) && t.GetString() is { Length: > 0 }
                ? null
                : $"problem without its status or title: {Shorten(text)}";
        }
        catch (JsonException)
        {
            return $"problem that is not JSON: {Shorten(text)}";
        }
    }

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "..." : text;
}
