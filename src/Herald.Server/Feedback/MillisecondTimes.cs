using System.Text.Json;
using System.Text.Json.Serialization;

namespace Herald.Server.Feedback;

/// <summary>
/// Writes times to the millisecond, the precision both stores keep (Unix milliseconds). An event is written from the
/// change in memory, a later event or <c>GET /v1/incidents</c> from the stored row: at full precision an incident's
/// <c>incident.opened</c> timestamp came out later than the <c>lastAt</c> its <c>incident.closed</c> reported.
/// </summary>
internal sealed class MillisecondTimes : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.AddTicks(-(value.Ticks % TimeSpan.TicksPerMillisecond)));
}
