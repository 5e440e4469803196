namespace Herald.Storage.Postgres;

public sealed class PostgresStoreOptions
{
    /// <summary>An Npgsql connection string (<c>Host=...;Database=...;Username=...</c>).</summary>
    public string ConnectionString { get; init; } = "";

    /// <summary>This node's id, recorded on every lease it takes (see docs/storage.md, "Nodes").</summary>
    public string NodeId { get; init; } = "";

    /// <summary>Apply the embedded migrations when the store opens (else run <c>herald db migrate</c> first).</summary>
    public bool Migrate { get; init; } = true;

    /// <summary>The channel every node LISTENs on and every enqueue NOTIFYs.</summary>
    public const string WakeChannel = "herald_queue";
}
