using System.Globalization;
using System.Text;
using System.Text.Json;
using Herald.Core.Lifecycle;
using Herald.Server.Configuration;
using Herald.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Cli.Commands.Messages;

/// <summary><c>herald status --store</c>: read on the store itself (same settings as serve), so it works while Herald runs or not.</summary>
internal static class StoreStatus
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<int> RunAsync(string[] settings, bool json, TextWriter output, CancellationToken cancellationToken)
    {
        await using var services = HeraldAdministration.Open(HeraldConfiguration.Load(settings, null));
        var inventory = await services.GetRequiredService<IStoreMaintenance>().InventoryAsync(cancellationToken);
        await output.WriteLineAsync(json ? JsonSerializer.Serialize(inventory, Json) : Describe(inventory));
        return ExitCodes.Ok;
    }

    internal static string Describe(StoreInventory inventory)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{inventory.Location}: {Mib(inventory.Bytes)} on disk ({Mib(inventory.FreeBytes)} of it free for reuse)");
        text.AppendLine(CultureInfo.InvariantCulture, $"{"table",-24} {"rows",12}  oldest");
        foreach (var t in inventory.Tables)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{t.Table,-24} {t.Rows,12:N0}  {(t.Oldest is { } o ? o.ToString("u", CultureInfo.InvariantCulture) : "-")}");
        }

        return text.ToString().TrimEnd();
    }

    private static string Mib(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:F1} MiB");
}
