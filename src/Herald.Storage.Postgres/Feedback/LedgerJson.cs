using System.Text.Json;
using System.Text.Json.Serialization;
using Herald.Core.Feedback;

namespace Herald.Storage.Postgres.Feedback;

/// <summary>The ledger row's JSON: the whole <see cref="AddressLedger"/>, enums by name so a reordered enum never corrupts rows.</summary>
internal static class LedgerJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write(AddressLedger ledger) => JsonSerializer.Serialize(ledger, Options);

    public static AddressLedger Read(string json) =>
        JsonSerializer.Deserialize<AddressLedger>(json, Options) ?? throw new InvalidDataException("empty ledger row");
}
