namespace Herald.Server.Api.Recipients;

/// <param name="Id">The application's own user id: 1 to 128 letters, digits, '.', '_', ':' or '-' (never an '@', so it cannot be mistaken for an address).</param>
/// <param name="Addresses">Contact addresses; the first is the primary one.</param>
/// <param name="SendVerification">Send each address its verification email now.</param>
public sealed record CreateRecipientRequest(string? Id, IReadOnlyList<string>? Addresses, bool SendVerification = false);

/// <param name="Primary">Make it the primary address (the one <c>to: {recipient}</c> goes to).</param>
public sealed record AddAddressRequest(string? Address, bool Primary = false, bool SendVerification = false);

public sealed record SetPreferenceRequest(bool? Enabled);

/// <param name="Code">The 6-digit code from the verification email; omit it when the application verified the address itself.</param>
public sealed record VerifyAddressRequest(string? Code);
