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

    public static RenderedContent Render(NotificationType type, JsonElement data, string to)
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
        return new RenderedContent(OneLine(subject), text, html);
    }

    private static string OneLine(string subject) =>
        string.Join(' ', subject.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static object? ToObject(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.TryGetInt64(out var l) ? l : value.GetDouble(),
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
