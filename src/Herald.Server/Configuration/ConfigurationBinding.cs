using System.Collections;
using System.ComponentModel;
using System.Reflection;
using Herald.Server.Feedback;
using Herald.Server.Inbound;
using Herald.Server.Pages;
using Herald.Server.Recipients;
using Herald.Smtp.DevMailbox;
using Herald.Smtp.Inbound;
using Herald.Smtp.Outbound;
using Herald.Smtp.Outbound.Dkim;
using Microsoft.Extensions.Configuration;

namespace Herald.Server.Configuration;

/// <summary>
/// Values the configuration binder cannot convert ("Kind": "Relai", "LeaseDuration": "ten minutes",
/// "MaxRecipients": "abc"). The binder throws on the first one it meets, with a stack trace, wherever the options
/// happen to be bound first; this walks every section Herald binds, against the type it is bound to, and names every
/// such value at once. The rest of the check then runs over the configuration without them.
/// </summary>
internal static class ConfigurationBinding
{
    /// <summary>Every section Herald binds to a type, with that type (a section may feed two types).</summary>
    private static readonly (string Section, Type Type)[] Sections =
    [
        ("Herald", typeof(HeraldOptions)),
        ("Herald:Feedback", typeof(FeedbackOptions)),
        ("Herald:Recipients", typeof(RecipientsOptions)),
        ("Herald:Retention", typeof(Herald.Core.Lifecycle.RetentionOptions)),
        ("Herald:Pages", typeof(PagesOptions)),
        ("Herald:Inbound", typeof(InboundOptions)),
        ("Herald:Inbound", typeof(BounceListenerOptions)),
        ("Herald:Smtp", typeof(SmtpRoutesOptions)),
        ("Herald:Smtp:Dkim", typeof(DkimOptions)),
        ("Herald:Smtp:DevMailbox", typeof(DevMailboxOptions)),
        ("Herald:Simulator", typeof(Herald.Server.Simulator.SimulatorSwitch)),
        ("Herald:Simulator", typeof(Herald.Smtp.Simulator.SimulatorOptions)),
    ];

    /// <summary>Single values read with <c>GetValue</c> rather than bound to a type.</summary>
    private static readonly (string Key, Type Type)[] Values =
    [
        ("Herald:RateLimits:PerKey:PerSecond", typeof(int)),
        ("Herald:RateLimits:PerKey:Burst", typeof(int)),
    ];

    /// <returns>One problem per value that cannot be converted, each naming its setting.</returns>
    /// <param name="bindable">The configuration without those values: binding it no longer throws.</param>
    public static IReadOnlyList<string> Problems(IConfiguration configuration, out IConfiguration bindable)
    {
        var bad = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (section, type) in Sections)
        {
            WalkObject(configuration.GetSection(section), type, bad);
        }

        foreach (var (key, type) in Values)
        {
            Walk(configuration.GetSection(key), type, bad);
        }

        if (bad.Count == 0)
        {
            bindable = configuration;
            return [];
        }

        bindable = new ConfigurationBuilder()
            // Keys without a value stay: an empty JSON object ("Fields": { "name": {} }) is one, and it still declares.
            .AddInMemoryCollection(configuration.AsEnumerable().Where(kv => !bad.ContainsKey(kv.Key)))
            .Build();
        return bad.OrderBy(b => b.Key, StringComparer.OrdinalIgnoreCase).Select(b => b.Value).ToList();
    }

    private static void WalkObject(IConfigurationSection section, Type type, Dictionary<string, string> bad)
    {
        foreach (var child in section.GetChildren())
        {
            // Keys the type does not have are not bound, so they cannot fail to bind.
            if (type.GetProperty(child.Key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) is { } property)
            {
                Walk(child, property.PropertyType, bad);
            }
        }
    }

    private static void Walk(IConfigurationSection section, Type type, Dictionary<string, string> bad)
    {
        var nullable = Nullable.GetUnderlyingType(type);
        var target = nullable ?? type;
        if (target == typeof(string) || target == typeof(object))
        {
            return;
        }

        // The binder turns an empty value into null for a nullable type, and fails on it for any other value type.
        if (section.Value is "" && (nullable is not null || !target.IsValueType))
        {
            return;
        }

        if (target.IsEnum)
        {
            if (section.Value is { } name && !Enum.GetNames(target).Contains(name.Trim(), StringComparer.OrdinalIgnoreCase))
            {
                bad[section.Path] = $"{section.Path}: '{name}' is not one of {string.Join(", ", Enum.GetNames(target))}";
            }

            return;
        }

        var converter = TypeDescriptor.GetConverter(target);
        if (converter.CanConvertFrom(typeof(string)) && !typeof(IEnumerable).IsAssignableFrom(target))
        {
            if (section.Value is { } value && !Converts(converter, value))
            {
                bad[section.Path] = $"{section.Path}: '{value}' is not {Expected(target)}";
            }
            else if (target == typeof(TimeSpan) && section.Value is { } span && span.TrimStart().StartsWith('-') && Converts(converter, span))
            {
                // No setting of Herald is a negative span (a session, a window, a backoff, an age): one rule for all of
                // them here rather than a check per option, so a new duration cannot be forgotten.
                bad[section.Path] = $"{section.Path}: '{span}' is negative; a duration must be 00:00:00 or more";
            }

            return;
        }

        if (ElementType(target) is { } element)
        {
            foreach (var child in section.GetChildren())
            {
                Walk(child, element, bad);
            }

            return;
        }

        if (target.IsClass && target.Namespace?.StartsWith("Herald.", StringComparison.Ordinal) == true)
        {
            WalkObject(section, target, bad);
        }
    }

    /// <summary>The value type of a dictionary, or the element type of an array or list, as the binder fills them.</summary>
    private static Type? ElementType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        var generic = type.IsGenericType ? type : null;
        return generic?.GetGenericArguments() switch
        {
            [var key, var value] when key == typeof(string) && typeof(IDictionary).IsAssignableFrom(type) => value,
            [var element] when typeof(IEnumerable).IsAssignableFrom(type) => element,
            _ => null,
        };
    }

    private static bool Converts(TypeConverter converter, string value)
    {
        try
        {
            _ = converter.ConvertFromInvariantString(value);
            return true;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException or NotSupportedException or InvalidCastException)
        {
            return false;
        }
    }

    private static string Expected(Type type) => type switch
    {
        _ when type == typeof(TimeSpan) => "a duration like 00:05:00 (5 minutes) or 1.00:00:00 (a day)",
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(int) || type == typeof(long) || type == typeof(short) => "a whole number",
        _ when type == typeof(double) || type == typeof(decimal) || type == typeof(float) => "a number",
        _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) => "a date and time like 2026-01-31T12:00:00Z",
        _ => $"a valid {type.Name}",
    };
}
