namespace Herald.Core.Recipients;

/// <summary>The outcome of a change to a recipient or its addresses. Expected refusals are values.</summary>
public abstract record RecipientChange
{
    private RecipientChange() { }

    public sealed record Done(Recipient Recipient) : RecipientChange;

    public sealed record NoRecipient : RecipientChange;

    public sealed record NoAddress : RecipientChange;

    /// <summary>Refused, with the reason in plain words (address taken by another recipient, primary cannot be removed).</summary>
    public sealed record Conflict(string Reason) : RecipientChange;
}
