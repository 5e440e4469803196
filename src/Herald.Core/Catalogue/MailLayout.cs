using Fluid;

namespace Herald.Core.Catalogue;

/// <summary>
/// The frame every message of the catalogue is rendered into: a header with the product name, the message, and a footer
/// saying why the reader got it with a link to their settings. One per Herald (an operator replaces it once, not per
/// type), so every type looks alike and a type's own templates hold only its message.
/// </summary>
/// <param name="ProductName">The name in the header and the footer (<c>Herald:Layout:ProductName</c>).</param>
public sealed record MailLayout(string ProductName, IFluidTemplate Html, IFluidTemplate Text)
{
    /// <summary>What a layout may read: the rendered message and the values of the frame.</summary>
    public static readonly IReadOnlySet<string> Variables = new HashSet<string>(StringComparer.Ordinal)
    {
        "content", "subject", "product", "category", "settings_url", "to",
    };

    /// <summary>Parses both templates, adding every problem to <paramref name="errors"/> under the name of its source.</summary>
    public static MailLayout? Parse(string productName, string html, string htmlSource, string text, string textSource, List<string> errors)
    {
        var before = errors.Count;
        if (string.IsNullOrWhiteSpace(productName))
        {
            errors.Add("Herald:Layout:ProductName: required, the name shown in the header of every email");
        }

        var htmlTemplate = ParseOne(html, htmlSource, errors);
        var textTemplate = ParseOne(text, textSource, errors);
        return errors.Count > before || htmlTemplate is null || textTemplate is null
            ? null
            : new MailLayout(productName.Trim(), htmlTemplate, textTemplate);
    }

    private static IFluidTemplate? ParseOne(string source, string at, List<string> errors)
    {
        if (!CatalogueBuilder.TryParse(source, out var template, out var error))
        {
            errors.Add($"{at}: template does not parse: {error}");
            return null;
        }

        var read = VariableCollector.Collect(template);
        if (!read.Contains("content"))
        {
            // A layout that never shows {{ content }} would send every message without its message.
            errors.Add($"{at}: never shows {{{{ content }}}}, the message itself");
        }

        foreach (var name in read.Where(n => !Variables.Contains(n)).Order(StringComparer.Ordinal))
        {
            errors.Add($"{at}: unknown variable '{name}' (a layout may read {string.Join(", ", Variables)})");
        }

        return template;
    }
}
