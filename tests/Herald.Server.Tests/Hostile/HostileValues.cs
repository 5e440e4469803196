using System.Text;
using System.Text.Json.Nodes;

namespace Herald.Server.Tests.Hostile;

/// <summary>
/// The hostile values the generator draws from. JSON cannot hold some of them (a lone surrogate, invalid UTF-8, a
/// number beyond double, nesting deeper than the parser allows), so they travel as placeholders in the JSON text and
/// are replaced in the bytes at the end (<see cref="Realise"/>).
/// </summary>
internal static class HostileValues
{
    public const string LoneSurrogate = "@@SURROGATE@@";
    public const string InvalidUtf8 = "@@BADUTF8@@";
    private const string RawPrefix = "@@RAW:";
    private const string RawSuffix = ":RAW@@";

    private static readonly string[] Strings =
    [
        "", " ", "\u0000", "\r\n", "line\r\nBcc: eve@example.com", "\t", "\u2028", "\u2029", "\u0085", "\u200b\u202e", "\ufeff", "\uffff",
        "😀", "Ω≈ç√∫", "<script>alert(1)</script>", "{{ code }}", "{% raw %}", "'; DROP TABLE messages; --", "../../etc/passwd",
        "%00", "null", "true", "-1", "1e30", "\"bob\"@example.com", "BOB@EXÄMPLE.COM", "bob@example.com\u2028", "a@b@c",
        "ana@localhost", "@example.com", "u_1", "sign-in", "msg_0000000000000000000000000", LoneSurrogate, "x" + LoneSurrogate + "y",
        InvalidUtf8, "ok" + InvalidUtf8, "\ud83d\ude00" + LoneSurrogate,
    ];

    private static readonly string[] Numbers =
    [
        "0", "-0", "-1", "1.5", "1e30", "-1e30", "1e400", "-1e400", "1e-400", "123456789012345678901234567890", "9223372036854775808",
        "2147483648", "0.0000000000000000000000000000001", "79228162514264337593543950336",
    ];

    public static JsonNode? Any(Random random) => random.Next(10) switch
    {
        0 or 1 or 2 => JsonValue.Create(Strings[random.Next(Strings.Length)]),
        3 => Raw(Numbers[random.Next(Numbers.Length)]),
        4 => JsonValue.Create(LongString(random)),
        5 => Raw(Nested(random)),
        6 => random.Next(2) == 0 ? JsonValue.Create(true) : null,
        7 => new JsonArray(JsonValue.Create("ana@example.com"), JsonValue.Create(Strings[random.Next(Strings.Length)]), Raw("1e30")),
        8 => new JsonObject { [Strings[random.Next(Strings.Length)]] = JsonValue.Create(Strings[random.Next(Strings.Length)]), ["n"] = Raw("1e400") },
        _ => JsonValue.Create(random.Next(2) == 0 ? int.MaxValue : int.MinValue),
    };

    public static string Name(Random random) => random.Next(4) == 0 ? Strings[random.Next(Strings.Length)] : "extra" + random.Next(100);

    /// <summary>A string from 1 KB to past the server's 1 MiB body limit.</summary>
    private static string LongString(Random random) => new((char)('a' + random.Next(26)), random.Next(3) switch
    {
        0 => 1_000,
        1 => 70_000,
        _ => random.Next(900_000, 1_200_000),
    });

    /// <summary>Nested arrays, sometimes deeper than System.Text.Json's default limit of 64.</summary>
    private static string Nested(Random random)
    {
        var depth = random.Next(2) == 0 ? random.Next(2, 60) : random.Next(60, 400);
        return new string('[', depth) + "1" + new string(']', depth);
    }

    private static JsonValue Raw(string json) => JsonValue.Create(RawPrefix + json + RawSuffix);

    /// <summary>Turns the placeholders in serialised JSON into the bytes they stand for.</summary>
    public static byte[] Realise(string json)
    {
        // The serialiser escapes nothing of the placeholders but the quotes around raw values, which go with them.
        var text = json.Replace("\"" + RawPrefix, "", StringComparison.Ordinal).Replace(RawSuffix + "\"", "", StringComparison.Ordinal)
            .Replace(LoneSurrogate, "\\ud800", StringComparison.Ordinal);
        var parts = text.Split(InvalidUtf8);
        var bytes = new List<byte>(text.Length + 8);
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0)
            {
                bytes.AddRange([0xFF, 0xC0, 0xAF, 0xED, 0xA0, 0x80]);
            }

            bytes.AddRange(Encoding.UTF8.GetBytes(parts[i]));
        }

        return [.. bytes];
    }

    /// <summary>The same placeholders for text that goes inside another JSON string (an SNS Message): escapes only.</summary>
    public static string RealiseAsText(string json) =>
        json.Replace("\"" + RawPrefix, "", StringComparison.Ordinal).Replace(RawSuffix + "\"", "", StringComparison.Ordinal)
            .Replace(LoneSurrogate, "\\ud800", StringComparison.Ordinal).Replace(InvalidUtf8, "\\udc00", StringComparison.Ordinal);
}
