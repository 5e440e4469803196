using Herald.Core.Catalogue;

namespace Herald.Server.Recipients;

/// <summary>Preferences are per category, as the catalogue groups and shows them (<see cref="NotificationCategory"/>).</summary>
internal sealed class CategoryRules
{
    private readonly Dictionary<string, CategoryRule> _rules;

    public CategoryRules(NotificationCatalogue catalogue, IReadOnlyDictionary<string, NotificationTypeOptions> configured)
    {
        _rules = catalogue.Categories
            .Select(c =>
            {
                var defaultOn = !c.OptOut || c.Types.All(t => configured.GetValueOrDefault(t.Key)?.DefaultOn ?? true);
                return new CategoryRule(c.Key, c.OptOut, defaultOn, c.Types.Select(t => t.Key).ToArray(), c);
            })
            .ToDictionary(r => r.Category, StringComparer.Ordinal);
    }

    public IEnumerable<CategoryRule> All => _rules.Values.OrderBy(r => r.Category, StringComparer.Ordinal);

    public CategoryRule? Find(string category) => _rules.GetValueOrDefault(category);
}
