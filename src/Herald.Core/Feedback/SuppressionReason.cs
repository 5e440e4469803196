namespace Herald.Core.Feedback;

/// <summary>Why Herald stopped sending to an address (the yellow box's headline).</summary>
public enum SuppressionReason
{
    /// <summary>The mailbox or its domain does not exist, or has moved (RFC 3463 X.1.1, X.1.2, X.1.6).</summary>
    HardBounce,

    /// <summary>An auto-responder answered Herald's mail for a long span: nobody reads this mailbox.</summary>
    AutoResponder,

    /// <summary>The recipient marked Herald's mail as spam (RFC 5965 feedback report or a provider complaint).</summary>
    Complaint,

    /// <summary>Mailbox full or disabled, again and again for days: suspended for a while, then tried again.</summary>
    PersistentSoftFailure,

    /// <summary>The sending provider (SES, Mailgun) keeps its own list and refused to send.</summary>
    ProviderSuppressionList,

    /// <summary>An operator suspended the address by hand.</summary>
    Operator,
}
