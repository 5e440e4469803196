namespace Herald.Core.Lifecycle;

/// <summary>Where suppressions of erased addresses are kept, and the key that fingerprints an address to find them.</summary>
public sealed record ErasedAddresses(IErasureStore Store, AddressFingerprint Fingerprint);
