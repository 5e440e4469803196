using Herald.Core.Catalogue;

namespace Herald.Server.Recipients;

/// <summary>
/// Preferences are per category. A category that holds even one type that may not be opted out of (a sign-in code in
/// "security", say) cannot be turned off as a whole, or turning off "security" would silently drop sign-in codes.
/// </summary>
internal sealed class CategoryRules
{
    private readonly Dictionary<string, CategoryRule> _rules;

    public CategoryRules(NotificationCatalogue catalogue, IReadOnlyDictionary<string, NotificationTypeOptions> configured)
    {
        _rules = catalogue.Types
            .GroupBy(t => t.Category, StringComparer.Ordinal)
            .Select(g =>
            {
                var optOut = g.All(t => t.OptOut);
                var defaultOn = !optOut || g.All(t => configured.GetValueOrDefault(t.Key)?.DefaultOn ?? true);
                return new CategoryRule(g.Key, optOut, defaultOn, g.Select(t => t.Key).Order(StringComparer.Ordinal).ToArray());
            })
            .ToDictionary(r => r.Category, StringComparer.Ordinal);
    }

    public IEnumerable<CategoryRule> All => _rules.Values.OrderBy(r => r.Category, StringComparer.Ordinal);

    public CategoryRule? Find(string category) => _rules.GetValueOrDefault(category);
}
