namespace Herald.Server.Tests.Providers;

/// <summary>
/// SES notification bodies (the SNS "Message" string) shaped like the examples in the SES developer guide,
/// "Amazon SNS notification examples for Amazon SES" and "Examples of event data that SES publishes to Amazon SNS",
/// with our VERP Return-Path as mail.source.
/// </summary>
internal static class SesFixtures
{
    public const string ReturnPath = "b-7f3a9c@bounces.example.com";

    public const string Bounce = """
        {"notificationType":"Bounce",
         "bounce":{"bounceType":"Permanent","reportingMTA":"dns; email.example.com",
           "bouncedRecipients":[{"emailAddress":"jane@example.com","status":"5.1.1","action":"failed",
             "diagnosticCode":"smtp; 550 5.1.1 <jane@example.com>... User"}],
           "bounceSubType":"General","timestamp":"2016-01-27T14:59:38.237Z",
           "feedbackId":"00000138111222aa-33322211-cccc-cccc-cccc-ddddaaaa068a-000000","remoteMtaIp":"127.0.2.0"},
         "mail":{"timestamp":"2016-01-27T14:59:38.237Z","source":"b-7f3a9c@bounces.example.com",
           "sourceArn":"arn:aws:ses:us-east-1:888888888888:identity/example.com","sourceIp":"127.0.3.0",
           "sendingAccountId":"123456789012","callerIdentity":"IAM_user_or_role_name",
           "messageId":"00000138111222aa-33322211-cccc-cccc-cccc-ddddaaaa0680-000000",
           "destination":["jane@example.com","mary@example.com","richard@example.com"],
           "headersTruncated":false,
           "headers":[{"name":"From","value":"\"John Doe\" <john@example.com>"},
             {"name":"To","value":"\"Jane Doe\" <jane@example.com>"},
             {"name":"Message-ID","value":"<custom-message-ID@herald.example.com>"},
             {"name":"Subject","value":"Hello"},
             {"name":"Content-Type","value":"text/plain; charset=UTF-8"}],
           "commonHeaders":{"from":["John Doe <john@example.com>"],"date":"Wed, 27 Jan 2016 14:05:45 +0000",
             "to":["Jane Doe <jane@example.com>"],"messageId":"custom-message-ID@herald.example.com","subject":"Hello"}}}
        """;

    public const string Complaint = """
        {"notificationType":"Complaint",
         "complaint":{"userAgent":"AnyCompany Feedback Loop (V0.01)",
           "complainedRecipients":[{"emailAddress":"richard@example.com"}],
           "complaintFeedbackType":"abuse","arrivalDate":"2016-01-27T14:59:38.237Z",
           "timestamp":"2016-01-27T14:59:38.237Z",
           "feedbackId":"000001378603177f-18c07c78-fa81-4a58-9dd1-fedc3cb8f49a-000000"},
         "mail":{"timestamp":"2016-01-27T14:59:38.237Z","messageId":"000001378603177f-7a5433e7-8edb-42ae-af10-f0181f34d6ee-000000",
           "source":"b-7f3a9c@bounces.example.com","sourceArn":"arn:aws:ses:us-east-1:888888888888:identity/example.com",
           "sourceIp":"127.0.3.0","sendingAccountId":"123456789012","callerIdentity":"IAM_user_or_role_name",
           "destination":["jane@example.com","mary@example.com","richard@example.com"],
           "headersTruncated":false,
           "headers":[{"name":"From","value":"\"John Doe\" <john@example.com>"},
             {"name":"Message-ID","value":"<complained@herald.example.com>"}]}}
        """;

    public const string Delivery = """
        {"notificationType":"Delivery",
         "mail":{"timestamp":"2016-01-27T14:59:38.237Z","messageId":"0000014644fe5ef6-9a483358-9170-4cb4-a269-f5dcdf415321-000000",
           "source":"b-7f3a9c@bounces.example.com","sourceArn":"arn:aws:ses:us-east-1:888888888888:identity/example.com",
           "sourceIp":"127.0.3.0","sendingAccountId":"123456789012","callerIdentity":"IAM_user_or_role_name",
           "destination":["jane@example.com"],"headersTruncated":false,
           "headers":[{"name":"Message-ID","value":"<delivered@herald.example.com>"}]},
         "delivery":{"timestamp":"2016-01-27T14:59:38.237Z","recipients":["jane@example.com"],
           "processingTimeMillis":546,"reportingMTA":"a8-70.smtp-out.amazonses.com",
           "smtpResponse":"250 ok:  Message 64111812 accepted","remoteMtaIp":"127.0.2.0"}}
        """;

    public const string DeliveryDelay = """
        {"eventType":"DeliveryDelay",
         "mail":{"timestamp":"2020-06-16T00:15:40.641Z","source":"b-7f3a9c@bounces.example.com",
           "sourceArn":"arn:aws:ses:us-east-1:123456789012:identity/sender@example.com","sendingAccountId":"123456789012",
           "messageId":"EXAMPLE7c191be45-e9aedb9a-02f9-4d12-a87d-dd0099a07f8a-000000",
           "destination":["recipient@example.com"],"headersTruncated":false,
           "tags":{"ses:configuration-set":["ConfigSet"]}},
         "deliveryDelay":{"timestamp":"2020-06-16T00:25:40.095Z","delayType":"TransientCommunicationFailure",
           "expirationTime":"2020-06-16T00:25:40.914Z",
           "delayedRecipients":[{"emailAddress":"recipient@example.com","status":"4.4.1",
             "diagnosticCode":"smtp; 421 4.4.1 Unable to connect to remote host"}]}}
        """;

    public const string Send = """
        {"eventType":"Send","mail":{"timestamp":"2016-10-14T05:02:16.645Z","source":"sender@example.com",
           "messageId":"EXAMPLE7c191be45-e9aedb9a-02f9-4d12-a87d-dd0099a07f8a-000000","destination":["recipient@example.com"]},
         "send":{}}
        """;
}
