namespace Herald.Core.Access;

/// <summary>Support-console operators (port). Names are unique, compared exactly.</summary>
public interface IOperatorStore
{
    /// <summary>Adds the operator; false when one of that name exists (it is left as it was).</summary>
    Task<bool> AddAsync(OperatorAccount account, CancellationToken cancellationToken);

    /// <summary>The operator of that name, or null.</summary>
    Task<OperatorAccount?> FindAsync(string name, CancellationToken cancellationToken);

    /// <summary>Replaces the password hash (after a rehash or a reset); false when there is no such operator.</summary>
    Task<bool> SetPasswordAsync(string name, string passwordHash, CancellationToken cancellationToken);
}
