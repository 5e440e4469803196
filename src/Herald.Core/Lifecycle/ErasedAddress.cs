namespace Herald.Core.Lifecycle;

/// <param name="Address">The canonical, lower-cased address (as every store compares it).</param>
/// <param name="Fingerprint">Its <see cref="AddressFingerprint"/>, under which a surviving suppression is kept.</param>
public sealed record ErasedAddress(string Address, string Fingerprint);
