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
        var (accepted, refused) = (0, 0);
        // Lines that cannot be sent wait with the batch they fall in, so the results come out in the file's order.
        var chunk = new List<(int Line, JsonNode? Message, string? Problem)>();
        var number = 0;
        foreach (var line in File.ReadLines(file.FullName))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            chunk.Add(Read(line, number));
            if (chunk.Count(c => c.Message is not null) == MessageIntake.MaxBatch)
            {
                (accepted, refused) = Add((accepted, refused), await FlushAsync(file, chunk, http, output, json, cancellationToken));
                chunk.Clear();
            }
        }

        if (chunk.Count > 0)
        {
            (accepted, refused) = Add((accepted, refused), await FlushAsync(file, chunk, http, output, json, cancellationToken));
        }

        await error.WriteLineAsync($"{file.Name}: {accepted} accepted, {refused} refused");
        return refused == 0 ? ExitCodes.Ok : ExitCodes.Rejected;
    }

    private static (int Line, JsonNode? Message, string? Problem) Read(string line, int number)
    {
        try
        {
            return JsonNode.Parse(line) is JsonObject message
                ? (number, message, null)
                : (number, null, "must be a JSON object with type, to and data");
        }
        catch (JsonException e)
        {
            return (number, null, $"not valid JSON: {e.Message}");
        }
    }

    private static (int, int) Add((int Accepted, int Refused) a, (int Accepted, int Refused) b) => (a.Accepted + b.Accepted, a.Refused + b.Refused);

    private static async Task<(int Accepted, int Refused)> FlushAsync(FileInfo file, List<(int Line, JsonNode? Message, string? Problem)> chunk, HttpClient http,
        TextWriter output, bool json, CancellationToken cancellationToken)
    {
        var sendable = chunk.Where(c => c.Message is not null).Select(c => (c.Line, c.Message!)).ToList();
        var results = sendable.Count == 0 ? [] : await SendAsync(sendable, http, json, cancellationToken);
        var accepted = 0;
        foreach (var (line, _, problem) in chunk)
        {
            var (ok, text) = problem is null ? results[line] : (false, $"refused: {problem}");
            await output.WriteLineAsync($"{file.Name}:{line}: {text}");
            accepted += ok ? 1 : 0;
        }

        return (accepted, chunk.Count - accepted);
    }

    /// <returns>Each line's result: accepted or not, and its text.</returns>
    private static async Task<Dictionary<int, (bool Accepted, string Text)>> SendAsync(List<(int Line, JsonNode Message)> batch, HttpClient http,
        bool json, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["messages"] = new JsonArray(batch.Select(b => b.Message.DeepClone()).ToArray()) };
        using var response = await http.PostAsJsonAsync("v1/messages/batch", body, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var results = new Dictionary<int, (bool, string)>();
        if (!response.IsSuccessStatusCode)
        {
            // The whole batch was refused (too large for Herald:Http:MaxRequestBodyBytes, the store unavailable): none of
            // its messages is stored.
            var why = Problem.Describe((int)response.StatusCode, text).ReplaceLineEndings(" ");
            foreach (var (line, _) in batch)
            {
                results[line] = (false, $"refused: {why}");
            }

            return results;
        }

        using var document = JsonDocument.Parse(text);
        foreach (var result in document.RootElement.GetProperty("results").EnumerateArray())
        {
            var index = result.GetProperty("index").GetInt32();
            var accepted = result.TryGetProperty("accepted", out var ok);
            if (json)
            {
                results[batch[index].Line] = (accepted, result.GetRawText());
            }
            else if (accepted)
            {
                results[batch[index].Line] = (true, $"{ok.GetProperty("id").GetString()} {ok.GetProperty("status").GetString()}");
            }
            else
            {
                // The server names fields by their place in the batch (messages[3].to); the file names them by line.
                var refusal = result.GetProperty("refused");
                var why = Problem.Describe(refusal.GetProperty("status").GetInt32(), refusal.GetRawText()).Replace($"messages[{index}].", "", StringComparison.Ordinal);
                results[batch[index].Line] = (false, $"refused: {why.ReplaceLineEndings(" ")}");
            }
        }

        return results;
    }
}
