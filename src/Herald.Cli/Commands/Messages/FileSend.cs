using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Herald.Core.Messages;

namespace Herald.Cli.Commands.Messages;

/// <summary>
/// <c>herald send --file messages.jsonl</c>: one message a line (JSON Lines, each as the body of POST /v1/messages), sent
/// through <c>POST /v1/messages/batch</c> in batches of up to <see cref="MessageIntake.MaxBatch"/>. Prints one line per
/// message, named by file and line; a line that is not a JSON object is reported and skipped, the others are still sent.
/// </summary>
internal static class FileSend
{
    public static async Task<int> RunAsync(FileInfo file, HttpClient http, TextWriter output, TextWriter error, bool json, CancellationToken cancellationToken)
    {
        var refused = 0;
        var accepted = 0;
        var batch = new List<(int Line, JsonNode Message)>(MessageIntake.MaxBatch);
        var number = 0;
        foreach (var line in File.ReadLines(file.FullName))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            JsonNode? node;
            try
            {
                node = JsonNode.Parse(line);
            }
            catch (JsonException e)
            {
                await output.WriteLineAsync($"{file.Name}:{number}: refused: not valid JSON: {e.Message}");
                refused++;
                continue;
            }

            if (node is not JsonObject)
            {
                await output.WriteLineAsync($"{file.Name}:{number}: refused: must be a JSON object with type, to and data");
                refused++;
                continue;
            }

            batch.Add((number, node));
            if (batch.Count == MessageIntake.MaxBatch)
            {
                (accepted, refused) = Add((accepted, refused), await SendAsync(file, batch, http, output, json, cancellationToken));
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            (accepted, refused) = Add((accepted, refused), await SendAsync(file, batch, http, output, json, cancellationToken));
        }

        await error.WriteLineAsync($"{file.Name}: {accepted} accepted, {refused} refused");
        return refused == 0 ? ExitCodes.Ok : ExitCodes.Rejected;
    }

    private static (int, int) Add((int Accepted, int Refused) a, (int Accepted, int Refused) b) => (a.Accepted + b.Accepted, a.Refused + b.Refused);

    private static async Task<(int Accepted, int Refused)> SendAsync(FileInfo file, List<(int Line, JsonNode Message)> batch, HttpClient http,
        TextWriter output, bool json, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["messages"] = new JsonArray(batch.Select(b => b.Message.DeepClone()).ToArray()) };
        using var response = await http.PostAsJsonAsync("v1/messages/batch", body, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            // The whole batch was refused (too large, the store unavailable): none of its messages is stored.
            var why = Problem.Describe((int)response.StatusCode, text).ReplaceLineEndings(" ");
            foreach (var (line, _) in batch)
            {
                await output.WriteLineAsync($"{file.Name}:{line}: refused: {why}");
            }

            return (0, batch.Count);
        }

        using var document = JsonDocument.Parse(text);
        var accepted = 0;
        foreach (var result in document.RootElement.GetProperty("results").EnumerateArray())
        {
            var index = result.GetProperty("index").GetInt32();
            var where = $"{file.Name}:{batch[index].Line}";
            if (json)
            {
                await output.WriteLineAsync($"{where}: {result.GetRawText()}");
            }
            else if (result.TryGetProperty("accepted", out var ok))
            {
                await output.WriteLineAsync($"{where}: {ok.GetProperty("id").GetString()} {ok.GetProperty("status").GetString()}");
            }
            else
            {
                // The server names fields by their place in the batch (messages[3].to); the file names them by line.
                var refusal = result.GetProperty("refused");
                var why = Problem.Describe(refusal.GetProperty("status").GetInt32(), refusal.GetRawText()).Replace($"messages[{index}].", "", StringComparison.Ordinal);
                await output.WriteLineAsync($"{where}: refused: {why.ReplaceLineEndings(" ")}");
            }

            accepted += result.TryGetProperty("accepted", out _) ? 1 : 0;
        }

        return (accepted, batch.Count - accepted);
    }
}
