using System.Text.RegularExpressions;

namespace Herald.Server.Api.Recipients;

/// <summary>
/// A recipient id never contains '@', so <c>/v1/recipients/{id}</c> and the address routes
/// (<c>/v1/recipients/{address}/...</c>) can never be confused.
/// </summary>
internal static partial class RecipientIds
{
    public const string Rule = "must be 1 to 128 letters, digits, '.', '_', ':' or '-', starting with a letter or digit (never an '@')";

    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
