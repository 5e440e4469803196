namespace Herald.Core.Recipients;

/// <summary>An application's user, known by the application's own id, with its contact addresses.</summary>
public sealed record Recipient(string Id, DateTimeOffset CreatedAt, IReadOnlyList<ContactAddress> Addresses)
{
    public ContactAddress? Primary => Addresses.FirstOrDefault(a => a.IsPrimary);

    public ContactAddress? Find(string address) =>
        Addresses.FirstOrDefault(a => string.Equals(a.Address, address, StringComparison.OrdinalIgnoreCase));
}
