using System.Text.Json.Nodes;

namespace Herald.Core.Messages;

/// <summary>
/// What a final message keeps of its template data: the secret fields (a password-reset link, a sign-in code) are
/// dropped, so the store does not hold usable secrets for its whole retention, while the other fields stay for support
/// look-ups. The rule is the domain's; every store only runs it when it writes a final status.
/// </summary>
public static class SecretData
{
    /// <returns>
    /// The data without the secret top-level keys, or null when nothing is left. Data of a type without secret fields
    /// is returned as it is, byte for byte: there is nothing to drop, so it is not re-serialised.
    /// </returns>
    public static string? Purge(string? dataJson, IReadOnlyList<string> secretFields)
    {
        if (dataJson is null || secretFields.Count == 0)
        {
            return dataJson;
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
