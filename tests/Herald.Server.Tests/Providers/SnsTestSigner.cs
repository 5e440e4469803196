using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace Herald.Server.Tests.Providers;

/// <summary>
/// Plays Amazon SNS: a self-signed RSA certificate made in the test, and SNS envelopes signed with it. The string
/// to sign is written out here from the AWS documentation, independently of the production code.
/// </summary>
internal sealed class SnsTestSigner : IDisposable
{
    public const string TopicArn = "arn:aws:sns:us-east-1:123456789012:herald-ses";
    public const string CertUrl = "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-7ff5318490ec183fbaddaa2a969abfda.pem";
    public const string SubscribeUrl =
        "https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn=arn:aws:sns:us-east-1:123456789012:herald-ses&Token=2336412f37";

    private static readonly string[] NotificationFields = ["Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"];
    private static readonly string[] ConfirmationFields = ["Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"];
    private readonly RSA _key = RSA.Create(2048);

    public SnsTestSigner(DateTimeOffset now)
    {
        var request = new CertificateRequest("CN=sns.amazonaws.com", _key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        Certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
    }

    public X509Certificate2 Certificate { get; }

    public static Dictionary<string, string> Notification(string message, string messageId = "22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324", string? subject = "Amazon SES Email Event Notification")
    {
        var fields = new Dictionary<string, string>
        {
            ["Type"] = "Notification",
            ["MessageId"] = messageId,
            ["TopicArn"] = TopicArn,
            ["Message"] = message,
            ["Timestamp"] = "2026-11-26T12:00:00.000Z",
            ["SignatureVersion"] = "1",
            ["SigningCertURL"] = CertUrl,
            ["UnsubscribeURL"] = "https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=arn:aws:sns:us-east-1:123456789012:herald-ses:c9135db0",
        };
        if (subject is not null)
        {
            fields["Subject"] = subject;
        }

        return fields;
    }

    public static Dictionary<string, string> SubscriptionConfirmation() => new()
    {
        ["Type"] = "SubscriptionConfirmation",
        ["MessageId"] = "165545c9-2a5c-472c-8df2-7ff2be2b3b1b",
        ["Token"] = "2336412f37",
        ["TopicArn"] = TopicArn,
        ["Message"] = "You have chosen to subscribe to the topic arn:aws:sns:us-east-1:123456789012:herald-ses.\nTo confirm the subscription, visit the SubscribeURL included in this message.",
        ["SubscribeURL"] = SubscribeUrl,
        ["Timestamp"] = "2026-11-26T12:00:00.000Z",
        ["SignatureVersion"] = "1",
        ["SigningCertURL"] = CertUrl,
    };

    /// <summary>Signs the fields as SNS would (version "1" SHA1, "2" SHA256) and returns the JSON body.</summary>
    public string Sign(Dictionary<string, string> fields, string version = "1", RSA? key = null)
    {
        fields["SignatureVersion"] = version;
        var names = fields["Type"] == "Notification" ? NotificationFields : ConfirmationFields;
        var text = new StringBuilder();
        foreach (var name in names.Where(fields.ContainsKey))
        {
            text.Append(name).Append('\n').Append(fields[name]).Append('\n');
        }

        var hash = version == "2" ? HashAlgorithmName.SHA256 : HashAlgorithmName.SHA1;
        var signature = (key ?? _key).SignData(Encoding.UTF8.GetBytes(text.ToString()), hash, RSASignaturePadding.Pkcs1);
        fields["Signature"] = Convert.ToBase64String(signature);
        return JsonSerializer.Serialize(fields);
    }

    public void Dispose()
    {
        Certificate.Dispose();
        _key.Dispose();
    }
}
