using System.Text;
using System.Text.Json;
using Herald.Core.Catalogue;

namespace Herald.Server.Api.DevTemplates;

/// <summary>One type rendered into the layout with its sample data: what a recipient would read.</summary>
internal sealed record TemplatePreview(NotificationType Type, RenderedContent Content)
{
    /// <summary>The address the previews are made out to: reserved for documentation (RFC 2606), never a real recipient's.</summary>
    public const string SampleAddress = "ana@example.com";

    /// <summary>The settings link of a preview: a token that opens nothing, so a preview never carries a working link.</summary>
    public const string SampleSettingsToken = "preview-sample";

    /// <summary>UTF-8 bytes of the HTML part; Gmail clips a message whose HTML passes about 102 KB.</summary>
    public int HtmlBytes => Content.Html is null ? 0 : Encoding.UTF8.GetByteCount(Content.Html);

    /// <summary>
    /// Renders <paramref name="type"/> with the sample data kept with it in the catalogue, never with a stored
    /// message's data; a required field without a sample shows as <c>[name]</c>.
    /// </summary>
    public static TemplatePreview Of(NotificationCatalogue catalogue, NotificationType type, string settingsUrl)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in type.Fields.Values.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            if (type.SampleData.TryGetValue(field.Name, out var sample))
            {
                data[field.Name] = sample;
            }
            else if (field.Required)
            {
                data[field.Name] = $"[{field.Name}]";
            }
        }

        var content = TemplateRenderer.Render(type, JsonSerializer.SerializeToElement(data), SampleAddress, catalogue.Frame(type, settingsUrl));
        return new TemplatePreview(type, content);
    }
}
