using Microsoft.Extensions.Configuration;

namespace Herald.Server.Configuration;

/// <summary>
/// Which parts of Herald this node runs (<c>Herald:Roles</c>, or <c>herald serve --roles</c>), so API nodes and delivery
/// nodes on one shared store scale apart: <c>api</c> the HTTP API and pages, <c>delivery</c> the delivery lanes (queue
/// claims) and the store's housekeeping (retention), <c>inbound</c> the SMTP listener for bounces and complaints,
/// <c>webhooks</c> the webhook outbox dispatcher. Health and metrics are served by every node. Unset: all four.
/// </summary>
public sealed record NodeRoles(bool Api, bool Delivery, bool Inbound, bool Webhooks)
{
    public const string Setting = "Herald:Roles";

    public const string Option = "--roles";

    public static readonly IReadOnlyList<string> Names = ["api", "delivery", "inbound", "webhooks"];

    public static NodeRoles All { get; } = new(true, true, true, true);

    /// <summary>The roles configured; all of them when unset. A value <see cref="Problem"/> refuses never gets this far.</summary>
    public static NodeRoles From(IConfiguration configuration) => Parse(Raw(configuration), out _) ?? All;

    /// <summary>What is wrong with the configured roles, naming the option and the setting, or null.</summary>
    public static string? Problem(IConfiguration configuration)
    {
        Parse(Raw(configuration), out var problem);
        return problem is null ? null : $"{Setting} ({Option}): {problem}";
    }

    /// <param name="value">Comma-separated role names, e.g. <c>api,inbound</c>; null for all.</param>
    public static NodeRoles? Parse(string? value, out string? problem)
    {
        problem = null;
        if (value is null)
        {
            return All;
        }

        var names = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => n.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var unknown = names.Where(n => !Names.Contains(n)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            problem = $"{string.Join(", ", unknown.Select(n => $"'{n}'"))} {(unknown.Count == 1 ? "is not a role" : "are not roles")}; the roles are {string.Join(", ", Names)} (comma-separated; unset runs all)";
            return null;
        }

        if (names.Count == 0)
        {
            problem = $"names no role; give one or more of {string.Join(", ", Names)}, or leave it unset to run all";
            return null;
        }

        return new NodeRoles(names.Contains("api"), names.Contains("delivery"), names.Contains("inbound"), names.Contains("webhooks"));
    }

    /// <summary>The roles run, comma-separated, for the start-up log.</summary>
    public override string ToString() =>
        string.Join(",", Names.Where((_, i) => new[] { Api, Delivery, Inbound, Webhooks }[i]));

    /// <summary>A string (<c>"api,delivery"</c>, as from <c>--roles</c> or an environment variable) or a JSON array of names.</summary>
    private static string? Raw(IConfiguration configuration)
    {
        var section = configuration.GetSection(Setting);
        if (section.Value is { } value)
        {
            return value;
        }

        var items = section.GetChildren().Select(c => c.Value).Where(v => v is not null).ToList();
        return items.Count > 0 ? string.Join(",", items) : null;
    }
}
