using System.Text.RegularExpressions;
using Fluid;
using Herald.Core.Messages;

namespace Herald.Core.Catalogue;

/// <summary>
/// Validates and compiles the configured catalogue. Every mistake is reported at start-up (and by
/// <c>herald config check</c>) with the type and setting it concerns, instead of as a failed send later.
/// </summary>
public static partial class CatalogueBuilder
{
    private static readonly FluidParser Parser = new();

    /// <param name="layout">The frame every message is rendered into; none renders each type's templates alone.</param>
    /// <param name="categories">Display names and descriptions of categories (<c>Herald:Categories</c>); a category
    /// without one is shown by its key.</param>
    public static CatalogueBuildResult Build(
        IReadOnlyDictionary<string, NotificationTypeOptions> configured, SenderOptions? defaultSender,
        IReadOnlyDictionary<string, CategoryOptions>? categories = null, MailLayout? layout = null)
    {
        var errors = new List<string>();
        var types = new Dictionary<string, NotificationType>(StringComparer.Ordinal);
        if (configured.Count == 0)
        {
            errors.Add("Herald:Catalogue: no notification types are configured");
        }

        foreach (var (key, options) in configured.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var type = BuildType(key, options, defaultSender, errors);
            if (type is not null)
            {
                types.Add(key, type);
            }
        }

        return errors.Count == 0
            ? new CatalogueBuildResult(new NotificationCatalogue(types, categories, layout), errors)
            : new CatalogueBuildResult(null, errors);
    }

    private static NotificationType? BuildType(string key, NotificationTypeOptions o, SenderOptions? defaults, List<string> errors)
    {
        var at = $"Herald:Catalogue:{key}";
        var before = errors.Count;
        if (!KeyPattern().IsMatch(key))
        {
            errors.Add($"{at}: the key must be lower-case letters, digits and dashes");
        }

        var category = string.IsNullOrWhiteSpace(o.Category) ? key : o.Category.Trim();
        if (!KeyPattern().IsMatch(category))
        {
            errors.Add($"{at}:Category: '{category}' must be lower-case letters, digits and dashes");
        }

        var priority = ParsePriority(o.Priority, at, errors);
        if (o.TimeToLive is not { } ttl || ttl <= TimeSpan.Zero)
        {
            errors.Add($"{at}:TimeToLive: required and must be positive, e.g. 00:10:00");
            ttl = TimeSpan.Zero;
        }

        var sender = BuildSender(o.Sender, defaults, at, errors);
        RateLimit? rateLimit = null;
        if (o.RateLimit is { } limit)
        {
            if (limit.Count < 1 || limit.Window <= TimeSpan.Zero)
            {
                errors.Add($"{at}:RateLimit: Count must be at least 1 and Window positive, e.g. {{\"Count\": 5, \"Window\": \"00:15:00\"}}");
            }
            else
            {
                rateLimit = new RateLimit(limit.Count, limit.Window);
            }
        }

        var fields = o.Fields.ToDictionary(
            f => f.Key,
            f => new FieldSpec(f.Key, f.Value.Required, f.Value.Secret),
            StringComparer.Ordinal);
        var subject = Parse(o.Subject, $"{at}:Subject", required: true, errors);
        var text = Parse(o.Text, $"{at}:Text", required: true, errors);
        var html = Parse(o.Html, $"{at}:Html", required: false, errors);
        foreach (var (template, setting) in new[] { (subject, "Subject"), (text, "Text"), (html, "Html") })
        {
            if (template is null)
            {
                continue;
            }

            foreach (var name in VariableCollector.Collect(template).Order(StringComparer.Ordinal))
            {
                if (!fields.ContainsKey(name) && !NotificationCatalogue.BuiltInVariables.Contains(name))
                {
                    errors.Add($"{at}:{setting}: unknown variable '{name}' (declare it under Fields)");
                }
            }
        }

        foreach (var name in o.Sample.Keys.Where(k => !fields.ContainsKey(k)).Order(StringComparer.Ordinal))
        {
            errors.Add($"{at}:Sample:{name}: not a field of the type (declare it under Fields)");
        }

        if (errors.Count > before || subject is null || text is null || sender is null)
        {
            return null;
        }

        return new NotificationType(key, category, o.OptOut, priority, ttl, sender, fields, new TemplateSet(subject, text, html), rateLimit,
            string.IsNullOrWhiteSpace(o.DisplayName) ? null : o.DisplayName.Trim(), o.Sample);
    }

    private static Priority ParsePriority(string? value, string at, List<string> errors)
    {
        var word = value?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(word))
        {
            return Priority.Normal;
        }

        if (PriorityExtensions.TryParseWire(word, out var priority))
        {
            return priority;
        }

        errors.Add($"{at}:Priority: '{value}' is not one of {string.Join(", ", Enum.GetValues<Priority>().Select(p => p.ToWire()))}");
        return Priority.Normal;
    }

    private static Sender? BuildSender(SenderOptions? own, SenderOptions? defaults, string at, List<string> errors)
    {
        var name = own?.Name ?? defaults?.Name ?? "";
        var address = own?.Address ?? defaults?.Address;
        var route = own?.Route ?? defaults?.Route ?? "default";
        if (address is null || !AddressRules.IsSingleMailbox(address, out _))
        {
            errors.Add($"{at}:Sender:Address: '{address}' is not a valid address (set it here or in Herald:DefaultSender)");
            return null;
        }

        if (name.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            errors.Add($"{at}:Sender:Name: must be one line");
            return null;
        }

        return new Sender(name, address, route);
    }

    private static IFluidTemplate? Parse(string? source, string at, bool required, List<string> errors)
    {
        if (string.IsNullOrEmpty(source))
        {
            if (required)
            {
                errors.Add($"{at}: required");
            }

            return null;
        }

        if (!TryParse(source, out var template, out var error))
        {
            errors.Add($"{at}: template does not parse: {error}");
            return null;
        }

        return template;
    }

    /// <summary>The one Fluid parser of the catalogue and its layout.</summary>
    internal static bool TryParse(string source, out IFluidTemplate template, out string error) =>
        Parser.TryParse(source, out template, out error);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}
