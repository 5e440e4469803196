namespace Herald.Core.Doctor;

/// <summary>The recipient's preferences as the catalogue's rules make them (the host owns those rules).</summary>
public interface IPreferenceFacts
{
    /// <summary>Display names of the categories the recipient has turned off.</summary>
    Task<IReadOnlyList<string>> TurnedOffAsync(string recipientId, CancellationToken cancellationToken);
}
