using System.Text.Json;

namespace Herald.Server.Tests.Support;

internal static class Timeline
{
    public static string[] Types(JsonElement message) =>
        message.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("type").GetString()!).ToArray();

    public static JsonElement Last(JsonElement message, string type) =>
        message.GetProperty("timeline").EnumerateArray().Last(e => e.GetProperty("type").GetString() == type);
}
