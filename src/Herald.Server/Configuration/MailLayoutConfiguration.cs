using Herald.Core.Catalogue;

namespace Herald.Server.Configuration;

/// <summary>
/// Reads the layout: the shipped <c>Configuration/Layout</c> files embedded in the assembly, or the operator's from
/// <c>Herald:Layout:Folder</c>. One layout for every type, so an operator's brand is set once rather than in each
/// type's templates (Postmark's "layouts" work the same way).
/// </summary>
internal static class MailLayoutConfiguration
{
    public const string HtmlFile = "layout.html";
    public const string TextFile = "layout.txt";

    /// <summary>The layout, or null with every problem added to <paramref name="errors"/>, each naming its setting or file.</summary>
    public static MailLayout? Load(LayoutOptions options, List<string> errors)
    {
        var html = (Text: Shipped(HtmlFile), Source: $"Herald:Layout (shipped {HtmlFile})");
        var text = (Text: Shipped(TextFile), Source: $"Herald:Layout (shipped {TextFile})");
        if (!string.IsNullOrWhiteSpace(options.Folder))
        {
            var folder = Path.GetFullPath(options.Folder);
            if (!Directory.Exists(folder))
            {
                errors.Add($"Herald:Layout:Folder: '{folder}' does not exist");
                return null;
            }

            var htmlPath = Path.Combine(folder, HtmlFile);
            var textPath = Path.Combine(folder, TextFile);
            if (!File.Exists(htmlPath) && !File.Exists(textPath))
            {
                errors.Add($"Herald:Layout:Folder: '{folder}' holds neither {HtmlFile} nor {TextFile}");
                return null;
            }

            html = File.Exists(htmlPath) ? (File.ReadAllText(htmlPath), htmlPath) : html;
            text = File.Exists(textPath) ? (File.ReadAllText(textPath), textPath) : text;
        }

        return MailLayout.Parse(options.ProductName, html.Text, html.Source, text.Text, text.Source, errors);
    }

    private static string Shipped(string file)
    {
        using var resource = typeof(MailLayoutConfiguration).Assembly.GetManifestResourceStream("Herald.Server." + file)
            ?? throw new InvalidOperationException($"{file} is not embedded in Herald.Server");
        using var reader = new StreamReader(resource);
        return reader.ReadToEnd();
    }
}
