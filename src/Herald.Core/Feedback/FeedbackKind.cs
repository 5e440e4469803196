namespace Herald.Core.Feedback;

/// <summary>What a piece of feedback about one address says.</summary>
public enum FeedbackKind
{
    Delivered,
    Bounce,
    AutoReply,
    Complaint,

    /// <summary>The provider refused to send because the address is on its own suppression list.</summary>
    ProviderSuppressed,
}
