namespace Herald.Core.Doctor;

public enum MailHostKind
{
    /// <summary>The mailbox provider (Google, Microsoft 365, ...): where the mailboxes are.</summary>
    Provider,

    /// <summary>A security gateway in front of the mailboxes (Mimecast, Proofpoint, ...): what filters first.</summary>
    Gateway,
}
