using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Herald.Server.Tests.Providers;

/// <summary>Mailgun webhook bodies shaped like Mailgun's documented samples, signed as Mailgun signs them.</summary>
internal static class MailgunTestPayloads
{
    public const string SigningKey = "key-3ax6xnjp29jd6fds4gc373sgvjxteol0";

    public const string PermanentFailure = """
        {"id":"G9Bn5sl1TC6nu79C8C0bwg","timestamp":1521233195.375624,"log-level":"error","event":"failed",
         "severity":"permanent","reason":"bounce",
         "delivery-status":{"attempt-no":1,"message":"5.1.1 The email account that you tried to reach does not exist",
           "code":550,"description":"","session-seconds":0.4},
         "flags":{"is-routed":false,"is-authenticated":true,"is-system-test":false,"is-test-mode":false},
         "envelope":{"sender":"b-7f3a9c@bounces.example.com","transport":"smtp","targets":"alice@example.com"},
         "message":{"headers":{"to":"Alice <alice@example.com>","message-id":"20130503182626.18666.16540@herald.example.com",
           "from":"Bob <bob@herald.example.com>","subject":"Test permanent_fail webhook"},"attachments":[],"size":111},
         "recipient":"alice@example.com","recipient-domain":"example.com","campaigns":[],"tags":["my_tag_1"],
         "user-variables":{}}
        """;

    public const string TemporaryFailure = """
        {"id":"Fs7-5t81S2ufHFmVdqjAvQ","timestamp":1521472262.908181,"event":"failed","severity":"temporary",
         "reason":"generic","delivery-status":{"attempt-no":1,"message":"4.2.2 The email account is over quota",
           "code":452,"description":"","enhanced-code":"4.2.2"},
         "envelope":{"sender":"b-7f3a9c@bounces.example.com","targets":"alice@example.com"},
         "message":{"headers":{"message-id":"<20130503192659.13651.20287@herald.example.com>"}},
         "recipient":"alice@example.com"}
        """;

    public const string Complained = """
        {"id":"-Agny091SquKnsrW2NEKUA","timestamp":1521233123.501324,"event":"complained",
         "envelope":{"sending-ip":"173.193.210.33"},
         "message":{"headers":{"to":"Alice <alice@example.com>","message-id":"20110215055645.25246.63817@herald.example.com",
           "from":"Bob <bob@herald.example.com>","subject":"Test complained webhook"},"attachments":[],"size":111},
         "recipient":"alice@example.com","campaigns":[],"tags":[],"user-variables":{}}
        """;

    public const string Delivered = """
        {"id":"CPgfbmQMTCKtHW6uIWtuVe","timestamp":1521472262.908181,"event":"delivered",
         "delivery-status":{"tls":true,"mx-host":"smtp-in.example.com","code":250,"description":"",
           "session-seconds":0.43,"message":"OK","attempt-no":1},
         "envelope":{"sender":"b-7f3a9c@bounces.example.com","targets":"alice@example.com"},
         "message":{"headers":{"message-id":"20130503182626.18666.16540@herald.example.com"}},
         "recipient":"alice@example.com"}
        """;

    public const string Opened = """
        {"id":"Ase7i2zsRYeDXztHGENqRA","timestamp":1521243339.873676,"event":"opened",
         "message":{"headers":{"message-id":"20130503182626.18666.16540@herald.example.com"}},"recipient":"alice@example.com"}
        """;

    public static string Hmac(string timestamp, string token, string key = SigningKey) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(timestamp + token)));

    public static string Body(string eventData, DateTimeOffset signedAt, string token, string? signature = null)
    {
        var timestamp = signedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var root = new JsonObject
        {
            ["signature"] = new JsonObject
            {
                ["timestamp"] = timestamp,
                ["token"] = token,
                ["signature"] = signature ?? Hmac(timestamp, token),
            },
            ["event-data"] = JsonNode.Parse(eventData),
        };
        return root.ToJsonString(new JsonSerializerOptions());
    }
}
