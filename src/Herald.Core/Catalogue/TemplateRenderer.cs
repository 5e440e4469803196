using System.Text.Encodings.Web;
using System.Text.Json;
using Fluid;

namespace Herald.Core.Catalogue;

/// <summary>
/// Renders a type's templates. HTML is encoded (a name like "&lt;script&gt;" shows as text); the subject and
/// the text part are not HTML, so they are not encoded, but the subject is kept to one line so template data
/// can never add a header.
/// </summary>
public static class TemplateRenderer
{
    private static readonly TemplateOptions Options = CreateOptions();

    /// <param name="frame">The layout around the message (header, footer with the settings link); null renders the type's templates alone.</param>
    public static RenderedContent Render(NotificationType type, JsonElement data, string to, LayoutFrame? frame = null)
    {
        var context = new TemplateContext(Options);
        if (data.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in data.EnumerateObject())
            {
                context.SetValue(property.Name, ToObject(property.Value));
            }
        }

        context.SetValue("to", to);
        var subject = type.Templates.Subject.Render(context, NullEncoder.Default);
        var text = type.Templates.Text.Render(context, NullEncoder.Default);
        var html = type.Templates.Html?.Render(context, HtmlEncoder.Default);
        subject = OneLine(subject);
        if (frame is not null)
        {
            (text, html) = Frame(frame, subject, text, html, to);
        }

        return new RenderedContent(subject, text, html);
    }

    /// <summary>
    /// Puts the rendered message into the layout. The HTML message is already encoded, so the layout shows it with
    /// <c>| raw</c>; everything else the layout reads is encoded as usual. A type without HTML stays text only.
    /// </summary>
    private static (string Text, string? Html) Frame(LayoutFrame frame, string subject, string text, string? html, string to)
    {
        var context = new TemplateContext(Options);
        context.SetValue("subject", subject);
        context.SetValue("product", frame.Layout.ProductName);
        context.SetValue("category", frame.CategoryName);
        context.SetValue("settings_url", frame.SettingsUrl);
        context.SetValue("to", to);
        context.SetValue("content", text.TrimEnd('\n'));
        var framedText = frame.Layout.Text.Render(context, NullEncoder.Default);
        if (html is null)
        {
            return (framedText, null);
        }

        context.SetValue("content", html);
        return (framedText, frame.Layout.Html.Render(context, HtmlEncoder.Default));
    }

    /// <summary>
    /// Why a template data value cannot be rendered, or null when it can: the one rule the acceptance check
    /// (<c>SubmissionValidator</c>) and the renderer share, so a value refused later at delivery is refused at once.
    /// Fluid holds every number as a <see cref="decimal"/>, so a number beyond its range (1e30) cannot be shown;
    /// text that is not valid Unicode (a lone surrogate) cannot be encoded into the email.
    /// </summary>
    public static string? Unrenderable(JsonElement value)
    {
        try
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.Number when !value.TryGetDecimal(out _):
                    var raw = value.GetRawText();
                    return $"is the number {(raw.Length > 40 ? raw[..40] + "..." : raw)}, which a template cannot show: numbers must lie within ±7.9e28";
                case JsonValueKind.String:
                    _ = value.GetString();
                    return null;
                case JsonValueKind.Array:
                    var i = 0;
                    foreach (var item in value.EnumerateArray())
                    {
                        if (Unrenderable(item) is { } reason)
                        {
                            return $"[{i}] {reason}";
                        }

                        i++;
                    }

                    return null;
                case JsonValueKind.Object:
                    foreach (var property in value.EnumerateObject())
                    {
                        if (Unrenderable(property.Value) is { } reason)
                        {
                            return $".{property.Name} {reason}";
                        }
                    }

                    return null;
                default:
                    return null;
            }
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json's answer for text that is not valid UTF-8 or holds a lone UTF-16 surrogate.
            return "is not valid text: invalid UTF-8 or a lone UTF-16 surrogate";
        }
    }

    private static string OneLine(string subject) =>
        string.Join(' ', subject.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static object? ToObject(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        // decimal, as Fluid keeps numbers: exact for 0.1, and a number beyond its range fails here, by name, rather
        // than as an OverflowException inside Fluid (acceptance refuses such numbers; see Unrenderable).
        JsonValueKind.Number => value.TryGetDecimal(out var d) ? d
            : throw new InvalidOperationException($"the number {value.GetRawText()} cannot be rendered: numbers must lie within ±7.9e28"),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => value.EnumerateArray().Select(ToObject).ToList(),
        JsonValueKind.Object => value.EnumerateObject().ToDictionary(p => p.Name, p => ToObject(p.Value), StringComparer.Ordinal),
        _ => null,
    };

    private static TemplateOptions CreateOptions()
    {
        var options = new TemplateOptions();
        options.MemberAccessStrategy.Register<Dictionary<string, object?>, object?>((obj, name) => obj.GetValueOrDefault(name));
        return options;
    }
}
