using System.Text.Json;

namespace Herald.Server.Api;

/// <summary>
/// Finds text a JSON document holds that is not text. The reader checks the JSON's structure, but a string value or
/// a property name with invalid UTF-8 or an escaped lone UTF-16 surrogate (<c>"\ud800"</c>, RFC 8259 section 8.2
/// allows it, Unicode does not) only fails when it is read: as an exception in the middle of a handler, a 500. Bodies
/// read by hand are checked whole once, right after parsing, so such text is a 400 naming where it is.
/// </summary>
internal static class JsonText
{
    public const string Problem = "is not valid text: invalid UTF-8 or a lone UTF-16 surrogate";

    /// <returns>The path of the first string that is not valid text (<c>data.name</c>, <c>to</c>, <c>items[2]</c>;
    /// empty for the root itself), or null when every string is valid.</returns>
    public static string? FirstInvalid(JsonElement element, string path = "")
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return IsText(element) ? null : path;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (FirstInvalid(item, $"{path}[{i++}]") is { } bad)
                    {
                        return bad;
                    }
                }

                return null;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    string name;
                    try
                    {
                        name = property.Name;
                    }
                    catch (InvalidOperationException)
                    {
                        return path;
                    }

                    if (FirstInvalid(property.Value, path.Length == 0 ? name : $"{path}.{name}") is { } bad)
                    {
                        return bad;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static bool IsText(JsonElement value)
    {
        try
        {
            _ = value.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
