using Herald.Core.Recipients;

namespace Herald.Core.Messages;

/// <summary>
/// Turns <c>to: {recipient}</c> into the address the message goes to, at submit time: the message then records
/// the address it was really sent to, and a later change of primary address does not redirect mail already queued.
/// </summary>
internal static class RecipientTargetResolver
{
    public static async Task<(string? Address, Dictionary<string, string[]> Errors)> ResolveAsync(
        RecipientTarget target, IRecipientStore store, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(target.Recipient))
        {
            errors["to.recipient"] = ["is required when to is an object"];
            return (null, errors);
        }

        var recipient = await store.GetAsync(target.Recipient, cancellationToken);
        if (recipient is null)
        {
            errors["to.recipient"] = [$"'{target.Recipient}' is not a recipient"];
            return (null, errors);
        }

        if (target.Address is null)
        {
            if (recipient.Primary is { } primary)
            {
                return (primary.Address, errors);
            }

            errors["to.recipient"] = [$"recipient '{recipient.Id}' has no address"];
            return (null, errors);
        }

        // The address is looked up in its canonical form, like every other address lookup.
        if (!AddressRules.IsSingleMailbox(target.Address, out var canonicalOrReason))
        {
            errors["to.address"] = [canonicalOrReason];
            return (null, errors);
        }

        if (recipient.Find(canonicalOrReason) is { } named)
        {
            return (named.Address, errors);
        }

        errors["to.address"] = [$"is not an address of recipient '{recipient.Id}'"];
        return (null, errors);
    }
}
