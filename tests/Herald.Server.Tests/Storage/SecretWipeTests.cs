using System.Text;
using Herald.Server.Tests.Support;

namespace Herald.Server.Tests.Storage;

/// <summary>
/// A secret field is purged once its message is final, from every file of the data folder. The finding: the purged
/// sign-in code stayed readable in herald.db-wal (and in the free space of its page) after the purge.
/// </summary>
public sealed class SecretWipeTests
{
    [Fact]
    public async Task Once_a_sign_in_code_is_final_no_file_of_the_data_folder_holds_it()
    {
        const string code = "QX7-SECRET-493817-ZW";
        await using var smtp = new ScriptedSmtpServer();
        await using var host = await HeraldTestHost.StartAsync(smtp.Port);
        var id = (await host.SendAsync(new { type = "magic-code", to = "ana@example.com", data = new { code, name = "Ana" } })).GetProperty("id").GetString()!;
        await host.WaitForStatusAsync(id, "delivered");

        // The wipe (a TRUNCATE checkpoint) runs as soon as the writer is idle, so within moments of the final status.
        string[] holders = [];
        for (var i = 0; i < 100; i++)
        {
            holders = FilesHolding(host.DataDirectory, Encoding.UTF8.GetBytes(code));
            if (holders.Length == 0)
            {
                break;
            }

            await Task.Delay(50);
        }

        holders.ShouldBeEmpty($"the code is still in: {string.Join(", ", holders)}");
        var stored = await host.Store.GetAsync(id, CancellationToken.None);
        stored!.DataJson.ShouldBe("""{"name":"Ana"}""", "the other fields stay");
    }

    [Fact]
    public async Task Once_final_the_stored_request_fingerprint_does_not_give_the_sign_in_code_back_to_a_million_guesses()
    {
        // The finding: request_hash was SHA-256 of type, address and body, so the 6-digit code came back in a million tries.
        await using var smtp = new ScriptedSmtpServer();
        await using var host = await HeraldTestHost.StartAsync(smtp.Port);
        var id = (await host.SendAsync(new { type = "magic-code", to = "ana@example.com", data = new { code = "493817", name = "Ana" } })).GetProperty("id").GetString()!;
        await host.WaitForStatusAsync(id, "delivered");

        await using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(host.DataDirectory, "herald.db")};Mode=ReadOnly;Pooling=False");
        await db.OpenAsync();
        await using var command = db.CreateCommand();
        command.CommandText = "SELECT request_hash FROM messages WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        var stored = ((string)(await command.ExecuteScalarAsync())!).Split('.');

        var found = Enumerable.Range(0, 1_000_000).AsParallel().Select(n => n.ToString("D6", System.Globalization.CultureInfo.InvariantCulture))
            .FirstOrDefault(code => stored.Contains(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
                Encoding.UTF8.GetBytes($"magic-code\nana@example.com\n{{\"code\":\"{code}\",\"name\":\"Ana\"}}")))));
        found.ShouldBeNull();
    }

    private static string[] FilesHolding(string folder, byte[] secret) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(path => Read(path).AsSpan().IndexOf(secret) >= 0)
            .Select(Path.GetFileName)
            .ToArray()!;

    private static byte[] Read(string path)
    {
        // Copied rather than read by length: the WAL may grow or be truncated while it is read.
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        file.CopyTo(copy);
        return copy.ToArray();
    }
}
