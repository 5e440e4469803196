using Herald.Core.Access;
using Microsoft.AspNetCore.Identity;

namespace Herald.Server.Access;

/// <summary>
/// Support-console accounts. Passwords are hashed with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/>
/// (PBKDF2, salted, its iteration count upgraded by rehashing on sign-in) rather than anything of our own.
/// </summary>
public sealed class OperatorAccounts(IOperatorStore store, TimeProvider time)
{
    public const int MinPasswordLength = 12;

    private static readonly PasswordHasher<OperatorAccount> Hasher = new();

    /// <returns>Null when created, else what is wrong (naming the argument).</returns>
    public async Task<string?> AddAsync(string? name, string? password, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 64 || name.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            return "NAME: 1 to 64 characters without spaces; it names the operator in every audit line";
        }

        if (password is null || password.Length < MinPasswordLength)
        {
            return $"the password must have at least {MinPasswordLength} characters";
        }

        var account = new OperatorAccount(name, "", time.GetUtcNow());
        account = account with { PasswordHash = Hasher.HashPassword(account, password) };
        return await store.AddAsync(account, cancellationToken) ? null : $"an operator named '{name}' exists already";
    }

    /// <summary>The operator's name when the password is right; null otherwise (unknown name or wrong password alike).</summary>
    public async Task<string?> SignInAsync(string name, string password, CancellationToken cancellationToken)
    {
        var account = await store.FindAsync(name, cancellationToken);
        if (account is null)
        {
            // Hash anyway, so an unknown name takes as long as a wrong password and the timing tells no names.
            Hasher.VerifyHashedPassword(Decoy, Decoy.PasswordHash, password);
            return null;
        }

        switch (Hasher.VerifyHashedPassword(account, account.PasswordHash, password))
        {
            case PasswordVerificationResult.Success:
                return account.Name;
            case PasswordVerificationResult.SuccessRehashNeeded:
                await store.SetPasswordAsync(account.Name, Hasher.HashPassword(account, password), cancellationToken);
                return account.Name;
            default:
                return null;
        }
    }

    private static readonly OperatorAccount Decoy = new("decoy", Hasher.HashPassword(new OperatorAccount("decoy", "", DateTimeOffset.UnixEpoch), "decoy-password"), DateTimeOffset.UnixEpoch);
}
