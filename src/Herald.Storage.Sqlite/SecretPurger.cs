using System.Text.Json.Nodes;

namespace Herald.Storage.Sqlite;

/// <summary>
/// Removes secret template fields (e.g. a password-reset link) once a message is final, so the database does not keep
/// usable secrets for its whole retention; the non-secret fields stay for support look-ups.
/// </summary>
internal static class SecretPurger
{
    /// <returns>The data without the secret top-level keys, or null when nothing is left.</returns>
    public static string? Purge(string? dataJson, IReadOnlyList<string> secretFields)
    {
        if (dataJson is null)
        {
            return null;
        }

        // Data that is not a JSON object cannot be filtered key by key: drop it rather than keep a secret.
        if (JsonNode.Parse(dataJson) is not JsonObject data)
        {
            return null;
        }

        foreach (var field in secretFields)
        {
            data.Remove(field);
        }

        return data.Count == 0 ? null : data.ToJsonString();
    }
}
