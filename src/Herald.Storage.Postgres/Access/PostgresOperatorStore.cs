using Dapper;
using Herald.Core.Access;

namespace Herald.Storage.Postgres.Access;

/// <summary>Support-console operators in the shared database.</summary>
public sealed class PostgresOperatorStore(PostgresStore store) : IOperatorStore
{
    public async Task<bool> AddAsync(OperatorAccount account, CancellationToken cancellationToken) =>
        await store.WriteAsync((c, tx) => c.ExecuteAsync(
            "INSERT INTO operators (name, password_hash, created_at) VALUES (@name, @hash, @created) ON CONFLICT (name) DO NOTHING",
            new { name = account.Name, hash = account.PasswordHash, created = UnixMs.From(account.CreatedAt) }, tx),
            durable: true, cancellationToken) == 1;

    public Task<OperatorAccount?> FindAsync(string name, CancellationToken cancellationToken) =>
        store.ReadAsync(async c =>
        {
            var row = await c.QuerySingleOrDefaultAsync<(string Name, string Hash, long Created)?>(new CommandDefinition(
                "SELECT name, password_hash, created_at FROM operators WHERE name = @name", new { name }, cancellationToken: cancellationToken));
            return row is { } r ? new OperatorAccount(r.Name, r.Hash, UnixMs.To(r.Created)) : null;
        }, cancellationToken);

    public async Task<bool> SetPasswordAsync(string name, string passwordHash, CancellationToken cancellationToken) =>
        await store.WriteAsync((c, tx) => c.ExecuteAsync(
            "UPDATE operators SET password_hash = @hash WHERE name = @name", new { name, hash = passwordHash }, tx),
            durable: true, cancellationToken) == 1;
}
