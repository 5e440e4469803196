using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Herald.Core.Access;
using Herald.Server.Tests.Support;
using Herald.Testing.Smtp;

namespace Herald.Server.Tests.Api;

/// <summary>
/// POST /v1/messages/batch against the real server (a relay route, so keys are needed): one result per message in the
/// request's order, each decided and worded as POST /v1/messages decides and words it.
/// </summary>
public sealed class BatchSendApiTests : HostedHeraldTests
{
    private async Task<(HttpStatusCode Status, JsonElement Body)> BatchAsync(string json, HttpClient? client = null, string? idempotencyHeader = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/messages/batch") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (idempotencyHeader is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyHeader);
        }

        using var response = await (client ?? Host.Http).SendAsync(request);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private static string Code(string to, string code, string? key = null) =>
        JsonSerializer.Serialize(new { type = "magic-code", to, data = new { code }, idempotencyKey = key });

    private static string Messages(params string[] messages) => $$"""{"messages":[{{string.Join(",", messages)}}]}""";

    private static JsonElement[] Results(JsonElement body) => [.. body.GetProperty("results").EnumerateArray()];

    [Fact]
    public async Task Each_message_gets_its_result_in_order_accepted_as_a_single_send_or_refused_naming_its_field()
    {
        var (status, body) = await BatchAsync(Messages(
            Code("ana@example.com", "111111"),
            """{"type":"magic-code","to":"not an address","data":{"code":"1"}}""",
            """{"type":"magic-cod","to":"bo@example.com","data":{"code":"1"}}""",
            "42",
            Code("cy@example.com", "333333")));

        status.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("accepted").GetInt32().ShouldBe(2);
        body.GetProperty("refused").GetInt32().ShouldBe(3);
        var results = Results(body);
        results.Select(r => r.GetProperty("index").GetInt32()).ShouldBe([0, 1, 2, 3, 4]);
        foreach (var i in new[] { 0, 4 })
        {
            var accepted = results[i].GetProperty("accepted");
            var id = accepted.GetProperty("id").GetString()!;
            accepted.GetProperty("status").GetString().ShouldBe("queued");
            accepted.GetProperty("links").GetProperty("self").GetString().ShouldBe($"/v1/messages/{id}");
            results[i].TryGetProperty("refused", out _).ShouldBeFalse();
            (await Host.GetMessageAsync(id)).GetProperty("to").GetString().ShouldBe(i == 0 ? "ana@example.com" : "cy@example.com");
        }

        string[] Fields(int i) => [.. results[i].GetProperty("refused").GetProperty("errors").EnumerateObject().Select(p => p.Name)];
        results[1].GetProperty("refused").GetProperty("status").GetInt32().ShouldBe(400);
        Fields(1).ShouldBe(["messages[1].to"]);
        Fields(2).ShouldBe(["messages[2].type"]);
        Fields(3).ShouldBe(["messages[3]"]);
        results[1].TryGetProperty("accepted", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Idempotency_keys_work_per_message_as_for_single_sends()
    {
        var json = Messages(Code("ana@example.com", "111111", key: "k-a"), Code("bo@example.com", "222222", key: "k-b"));
        var (_, first) = await BatchAsync(json);
        var (status, again) = await BatchAsync(json);

        status.ShouldBe(HttpStatusCode.OK);
        Results(again).Select(r => r.GetProperty("accepted").ToString()).ShouldBe(Results(first).Select(r => r.GetProperty("accepted").ToString()));
        Results(again).ShouldAllBe(r => r.GetProperty("replayed").GetBoolean());
        Results(first).Count(r => r.TryGetProperty("replayed", out _)).ShouldBe(0);

        // A single send with the key of a batch's message is that message; another body under it is a conflict.
        using var single = await Host.Http.PostAsync("/v1/messages", new StringContent(Code("ana@example.com", "111111", key: "k-a"), Encoding.UTF8, "application/json"));
        single.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        // (Another recipient: the code is a secret field, and once delivered its part of the request's fingerprint is gone.)
        var (_, conflict) = await BatchAsync(Messages(Code("someone-else@example.com", "222222", key: "k-b")));
        var refused = Results(conflict).Single().GetProperty("refused");
        refused.GetProperty("status").GetInt32().ShouldBe(409);
        refused.GetProperty("messageId").GetString().ShouldBe(Results(first)[1].GetProperty("accepted").GetProperty("id").GetString());
        refused.GetProperty("errors").EnumerateObject().Single().Name.ShouldBe("messages[0].idempotencyKey");
    }

    [Fact]
    public async Task The_type_rate_limit_counts_the_earlier_messages_of_the_same_batch()
    {
        // magic-code: 5 per address in 15 minutes (the shipped catalogue).
        var (_, body) = await BatchAsync(Messages([.. Enumerable.Range(0, 6).Select(i => Code("target@example.com", $"{i:D6}"))]));

        var results = Results(body);
        results.Take(5).Count(r => r.TryGetProperty("accepted", out _)).ShouldBe(5);
        var refused = results[5].GetProperty("refused");
        refused.GetProperty("status").GetInt32().ShouldBe(429);
        refused.GetProperty("errors").EnumerateObject().Single().Name.ShouldBe("messages[5].to");
        refused.GetProperty("detail").GetString()!.ShouldContain("Not sent");
    }

    [Fact]
    public async Task A_message_to_a_suspended_address_is_accepted_suppressed_with_the_reason()
    {
        (await Host.Http.PostAsJsonAsync("/v1/suppressions", new { address = "gone@example.com", @operator = "sam" })).EnsureSuccessStatusCode();

        // An invalid item in front: every address's suspension is read at once, and each must reach its own message.
        var (_, body) = await BatchAsync(Messages(Code("not-an-address", "000000"), Code("here@example.com", "222222"),
            Code("gone@example.com", "111111"), Code("also-here@example.com", "333333")));

        var results = Results(body);
        results[0].TryGetProperty("refused", out _).ShouldBeTrue();
        results[1].GetProperty("accepted").GetProperty("status").GetString().ShouldBe("queued");
        var suppressed = results[2].GetProperty("accepted");
        suppressed.GetProperty("status").GetString().ShouldBe("suppressed");
        suppressed.GetProperty("reason").GetString().ShouldNotBeNullOrEmpty();
        results[3].GetProperty("accepted").GetProperty("status").GetString().ShouldBe("queued");
    }

    [Theory]
    [InlineData(501, "messages")]
    [InlineData(0, "messages")]
    public async Task A_batch_of_more_than_500_or_of_none_is_refused_whole_naming_messages(int count, string field)
    {
        var (status, body) = await BatchAsync(Messages([.. Enumerable.Range(0, count).Select(i => Code($"u{i}@example.com", "1"))]));

        status.ShouldBe(HttpStatusCode.BadRequest);
        body.GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldBe([field]);
        (await Host.Http.GetFromJsonAsync<JsonElement>("/v1/recipients/u0@example.com/messages")).GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [InlineData("""{"type":"magic-code"}""", "messages")]
    [InlineData("""{"messages":"all of them"}""", "messages")]
    [InlineData("""{"messages":[""", "body")]
    public async Task A_body_that_is_not_a_batch_is_a_400_naming_the_field(string json, string field)
    {
        var (status, body) = await BatchAsync(json);
        status.ShouldBe(HttpStatusCode.BadRequest);
        body.GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldBe([field]);
    }

    [Fact]
    public async Task An_idempotency_key_header_is_refused_since_each_message_carries_its_own()
    {
        var (status, body) = await BatchAsync(Messages(Code("ana@example.com", "1")), idempotencyHeader: "k");
        status.ShouldBe(HttpStatusCode.BadRequest);
        body.GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldBe(["Idempotency-Key"]);
    }

    [Fact]
    public async Task A_batch_needs_the_send_scope_as_a_single_send_does()
    {
        using var created = await Host.Http.PostAsJsonAsync("/v1/keys", new { name = "reader", scopes = new[] { Scopes.Read } });
        var key = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString();
        using var reader = new HttpClient { BaseAddress = Host.Http.BaseAddress };
        reader.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

        var (status, _) = await BatchAsync(Messages(Code("ana@example.com", "1")), reader);

        status.ShouldBe(HttpStatusCode.Forbidden);
    }
}
