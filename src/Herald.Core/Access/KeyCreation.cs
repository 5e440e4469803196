namespace Herald.Core.Access;

/// <summary>What became of a request to create a key.</summary>
public abstract record KeyCreation
{
    private KeyCreation() { }

    /// <param name="Token">The whole key, shown this once and never stored: <c>hk_&lt;id&gt;_&lt;secret&gt;</c>.</param>
    public sealed record Created(ApiKey Key, string Token) : KeyCreation;

    /// <summary>Every problem named by its field (name, scopes).</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : KeyCreation;
}
