using System.Text;
using System.Text.Json.Nodes;
using Herald.Server.Tests.Providers;

namespace Herald.Server.Tests.Hostile;

/// <summary>
/// Generates hostile requests for every endpoint from a seed: each starts from a valid request and is mutated in its
/// body (wrong types, huge numbers, deep nesting, invalid UTF-8, lone surrogates, control characters, oversized strings,
/// missing and extra fields, truncation), its route values, its query string, its media type or its method. Provider
/// webhooks are signed after their event is mutated, so the mutation reaches the parser behind the signature check.
/// </summary>
internal sealed class HostileRequests(int seed, SnsTestSigner sns)
{
    private static readonly (string Method, string Route, string? Body, string[] Query)[] Endpoints =
    [
        ("POST", "/v1/messages", """{"type":"integration-alert","to":"ana@example.com","data":{"integration":"Slack","problem":"token expired"},"idempotencyKey":"k-1"}""", []),
        ("POST", "/v1/messages", """{"type":"report-approved","to":{"recipient":"u_1","address":"ana@example.com"},"data":{"report":"Lyon","approver":"Bo"}}""", []),
        ("POST", "/v1/messages", """{"type":"magic-code","to":"bob@example.com","data":{"code":"493817","name":"Bob"}}""", []),
        ("GET", "/v1/messages/{id}", null, []),
        ("GET", "/v1/recipients/{address}/messages", null, ["limit", "before"]),
        ("POST", "/v1/recipients", """{"id":"u_1","addresses":["ana@example.com","bob@example.com"],"sendVerification":true}""", []),
        ("GET", "/v1/recipients/{id}", null, ["limit"]),
        ("POST", "/v1/recipients/{id}/addresses", """{"address":"carl@example.com","primary":false,"sendVerification":false}""", []),
        ("DELETE", "/v1/recipients/{id}/addresses/{address}", null, []),
        ("POST", "/v1/recipients/{id}/addresses/{address}/primary", null, []),
        ("GET", "/v1/recipients/{id}/preferences", null, []),
        ("PUT", "/v1/recipients/{id}/preferences/{category}", """{"enabled":false}""", []),
        ("POST", "/v1/recipients/{id}/addresses/{address}/verification", null, []),
        ("POST", "/v1/recipients/{id}/addresses/{address}/verify", """{"code":"123456"}""", []),
        ("GET", "/v1/recipients/{address}/status", null, []),
        ("POST", "/v1/recipients/{address}/unblock", null, []),
        ("POST", "/v1/recipients/{address}/probe", null, []),
        ("GET", "/v1/suppressions", null, ["limit", "after"]),
        ("GET", "/v1/suppressions/{address}", null, []),
        ("POST", "/v1/suppressions", """{"address":"ana@example.com","operator":"support","note":"ticket 42","expiresAt":"2030-01-01T00:00:00Z"}""", []),
        ("POST", "/v1/suppressions/{address}/remove", """{"operator":"support","note":"ticket 42"}""", []),
        ("GET", "/v1/incidents", null, ["domain", "limit"]),
        ("GET", "/unsubscribe/{token}", null, []),
        ("POST", "/unsubscribe/{token}", null, []),
        ("GET", "/verify/{token}", null, []),
        ("POST", "/verify/{token}", null, []),
        ("GET", "/dev/mailbox", null, []),
        ("GET", "/dev/mailbox/{id}", null, []),
        ("POST", "/v1/keys", """{"name":"hostile","scopes":["read"]}""", []),
        ("GET", "/v1/keys", null, []),
        ("DELETE", "/v1/keys/{id}", null, []),
        ("GET", "/healthz", null, []),
        ("GET", "/openapi/v1.json", null, []),
        ("POST", "/v1/providers/mailgun", null, []),
        ("POST", "/v1/providers/ses", null, []),
    ];

    // No %00 in a path: Kestrel itself refuses a request whose decoded path holds NUL, with an empty 400, before any
    // of Herald's code runs (a query value may hold it, and does below).
    private static readonly string[] RouteValues =
    [
        "ana@example.com", "u_1", "report-actions", "sign-in", "msg_01jd0000000000000000000000", "%22ana%22%40example.com", "ANA%40EX%C3%84MPLE.COM",
        "ana%40example.com%E2%80%A8", "%01", "%0D%0ABcc%3A%20eve", "%FF%FE", "%C0%AF", "%ED%A0%80", "..", "%2E%2E", "%2F", "a%20b", "%40", "ana%40",
        "%40example.com", "a%40b%40c", "u_1%3A2", "null", "-1", "99999999999999999999999", "%3Cscript%3E", "ana%40%5B127.0.0.1%5D",
        "ana%40localhost", "%F0%9F%98%80", "%25", "%", "%zz", "ana@example.com%7F", "x%E2%80%AEy",
    ];

    private static readonly string[] QueryValues =
    [
        "abc", "-1", "0", "1", "100", "101", "99999999999", "1e3", "1.5", "%00", "%FF", "", "ana%40example.com", "%E2%80%A8", "true", "null",
        "cursor", "MTIzNDU2Nzg5MA", "%ED%A0%80", "%",
    ];

    private static readonly string?[] ContentTypes =
    [
        "text/plain", "application/xml", "application/json; charset=utf-16", "multipart/form-data; boundary=x",
        "application/x-www-form-urlencoded", null, "application/merge-patch+json", "application/json; charset=latin1", "*/*", "garbage",
    ];

    private static readonly string[] Methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"];

    private static readonly string[] MailgunEvents =
        [MailgunTestPayloads.PermanentFailure, MailgunTestPayloads.TemporaryFailure, MailgunTestPayloads.Complained, MailgunTestPayloads.Delivered];

    private static readonly string[] SesEvents = [SesFixtures.Bounce, SesFixtures.Complaint, SesFixtures.Delivery, SesFixtures.DeliveryDelay, SesFixtures.Send];

    private readonly Random _random = new(seed);

    public IReadOnlyList<HostileRequest> Generate(int count)
    {
        var requests = new List<HostileRequest>(count);
        for (var i = 0; i < count; i++)
        {
            requests.Add(Next(i));
        }

        return requests;
    }

    private HostileRequest Next(int n)
    {
        var (method, route, template, query) = Endpoints[_random.Next(Endpoints.Length)];
        var label = new StringBuilder($"#{n} {method} {route}");
        var path = new StringBuilder();
        foreach (var segment in route.Split('/'))
        {
            path.Append(segment.StartsWith('{') ? RouteValue(segment, label) : segment).Append('/');
        }

        path.Length--;
        AppendQuery(path, query, label);

        byte[]? body = route switch
        {
            "/v1/providers/mailgun" => Mailgun(n, label),
            "/v1/providers/ses" => Ses(n, label),
            _ => template is not null || _random.Next(5) == 0 ? Body(template ?? "{}", label) : null,
        };
        var contentType = body is null ? null : "application/json";
        if (_random.Next(8) == 0)
        {
            contentType = ContentTypes[_random.Next(ContentTypes.Length)];
            label.Append($" content-type={contentType ?? "(none)"}");
        }

        if (_random.Next(12) == 0)
        {
            method = Methods[_random.Next(Methods.Length)];
            label.Append($" method={method}");
        }

        return new HostileRequest(method, path.ToString(), body, contentType, label.ToString());
    }

    private string RouteValue(string name, StringBuilder label)
    {
        // Half the time the right kind of value, so the request goes deeper than the route check.
        var value = _random.Next(2) == 0
            ? name switch { "{address}" => "ana@example.com", "{id}" => "u_1", "{category}" => "report-actions", _ => "t" + _random.Next(1000) }
            : _random.Next(10) == 0 ? new string('a', _random.Next(100, 6000)) + "%40example.com" : RouteValues[_random.Next(RouteValues.Length)];
        label.Append($" {name}={Shorten(value)}");
        return value;
    }

    private void AppendQuery(StringBuilder path, string[] keys, StringBuilder label)
    {
        var parts = keys.Where(_ => _random.Next(2) == 0).Select(k => $"{k}={QueryValues[_random.Next(QueryValues.Length)]}").ToList();
        if (_random.Next(6) == 0)
        {
            parts.Add($"{(keys.Length > 0 ? keys[0] : "x")}={QueryValues[_random.Next(QueryValues.Length)]}"); // repeated or unknown
        }

        if (parts.Count > 0)
        {
            var text = string.Join('&', parts);
            path.Append('?').Append(text);
            label.Append($" ?{Shorten(text)}");
        }
    }

    private byte[] Body(string template, StringBuilder label)
    {
        var node = JsonNode.Parse(template)!;
        for (var i = _random.Next(1, 4); i > 0; i--)
        {
            node = Mutate(node, label);
        }

        return Corrupt(HostileValues.Realise(node?.ToJsonString() ?? "null"), label);
    }

    private byte[] Mailgun(int n, StringBuilder label)
    {
        var data = JsonNode.Parse(MailgunEvents[_random.Next(MailgunEvents.Length)])!;
        data["id"] = $"hostile-{n}";
        for (var i = _random.Next(0, 3); i > 0; i--)
        {
            data = Mutate(data, label);
        }

        // Signed around a placeholder, then the event's bytes go in as they are (invalid UTF-8 included): Mailgun's
        // signature covers only its timestamp and token.
        var envelope = MailgunTestPayloads.Body("{\"placeholder\":0}", DateTimeOffset.UtcNow, $"hostile-token-{n}").Split("{\"placeholder\":0}");
        byte[] body = [.. Encoding.UTF8.GetBytes(envelope[0]), .. HostileValues.Realise(data?.ToJsonString() ?? "null"), .. Encoding.UTF8.GetBytes(envelope[1])];
        return Corrupt(body, label);
    }

    private byte[] Ses(int n, StringBuilder label)
    {
        var message = JsonNode.Parse(SesEvents[_random.Next(SesEvents.Length)])!;
        for (var i = _random.Next(0, 3); i > 0; i--)
        {
            message = Mutate(message, label);
        }

        var signed = sns.Sign(SnsTestSigner.Notification(HostileValues.RealiseAsText(message?.ToJsonString() ?? "null"), $"hostile-sns-{n}"));
        return Corrupt(Encoding.UTF8.GetBytes(signed), label);
    }

    /// <summary>One structural change: a value replaced, a field removed or added, or the whole body replaced.</summary>
    private JsonNode? Mutate(JsonNode? root, StringBuilder label)
    {
        var containers = new List<JsonNode>();
        Collect(root, containers);
        if (containers.Count == 0 || _random.Next(15) == 0)
        {
            label.Append(" body=value");
            return HostileValues.Any(_random);
        }

        var container = containers[_random.Next(containers.Count)];
        switch (container, _random.Next(3))
        {
            case (JsonObject o, 0) when o.Count > 0:
                var removed = o.ElementAt(_random.Next(o.Count)).Key;
                o.Remove(removed);
                label.Append($" -{removed}");
                break;
            case (JsonObject o, 1):
                var name = HostileValues.Name(_random);
                o[name] = HostileValues.Any(_random);
                label.Append($" +{Shorten(name)}");
                break;
            case (JsonObject o, _) when o.Count > 0:
                var key = o.ElementAt(_random.Next(o.Count)).Key;
                o[key] = HostileValues.Any(_random);
                label.Append($" {key}=*");
                break;
            case (JsonArray a, _):
                a.Add(HostileValues.Any(_random));
                label.Append(" []+");
                break;
        }

        return root;
    }

    private static void Collect(JsonNode? node, List<JsonNode> containers)
    {
        switch (node)
        {
            case JsonObject o:
                containers.Add(o);
                foreach (var (_, child) in o)
                {
                    Collect(child, containers);
                }

                break;
            case JsonArray a:
                containers.Add(a);
                foreach (var child in a)
                {
                    Collect(child, containers);
                }

                break;
        }
    }

    /// <summary>Now and then, damage the bytes themselves: truncate, add garbage, a stray invalid byte, a BOM, or replace them all.</summary>
    private byte[] Corrupt(byte[] body, StringBuilder label)
    {
        switch (_random.Next(14))
        {
            case 0:
                label.Append(" truncated");
                return body[..(body.Length == 0 ? 0 : _random.Next(body.Length))];
            case 1:
                label.Append(" +garbage");
                return [.. body, .. "}}]],,\"x\":"u8.ToArray()];
            case 2 when body.Length > 0:
                label.Append(" byte=0xFF");
                var copy = (byte[])body.Clone();
                copy[_random.Next(copy.Length)] = 0xFF;
                return copy;
            case 3:
                label.Append(" bom");
                return [0xEF, 0xBB, 0xBF, .. body];
            case 4:
                label.Append(" random-bytes");
                var noise = new byte[_random.Next(0, 300)];
                _random.NextBytes(noise);
                return noise;
            case 5:
                label.Append(" other-format");
                return Encoding.UTF8.GetBytes(_random.Next(2) == 0 ? "<message><to>ana@example.com</to></message>" : "type=magic-code&to=ana%40example.com");
            default:
                return body;
        }
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + $"...({text.Length})" : text;
}
