using System.Security.Cryptography;
using System.Text;
using Herald.Core.Messages;

namespace Herald.Core.Lifecycle;

/// <summary>
/// A keyed hash (HMAC-SHA256) of an address's canonical, lower-cased form: what Herald keeps of an erased address whose
/// suppression must survive. Without the key (kept apart from the database) it cannot be reversed by hashing a list of
/// candidate addresses, which an unkeyed hash of something as guessable as an address could be.
/// </summary>
public sealed class AddressFingerprint
{
    private readonly byte[] _key;

    public AddressFingerprint(byte[] key)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(key.Length, 16, nameof(key));
        _key = key;
    }

    public string Of(string address) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(AddressRules.LookupKey(address))));
}
