namespace Herald.Server.Providers;

/// <summary>
/// The HTTP(S) JSON body SNS posts to a subscribed endpoint (AWS SNS developer guide, "Parsing message formats").
/// Fields are kept as strings, exactly as signed.
/// </summary>
internal sealed record SnsMessage(
    string Type,
    string MessageId,
    string TopicArn,
    string Message,
    string Timestamp,
    string SignatureVersion,
    string Signature,
    string SigningCertUrl,
    string? Subject = null,
    string? Token = null,
    string? SubscribeUrl = null)
{
    public const string Notification = "Notification";
    public const string SubscriptionConfirmation = "SubscriptionConfirmation";
    public const string UnsubscribeConfirmation = "UnsubscribeConfirmation";
}
