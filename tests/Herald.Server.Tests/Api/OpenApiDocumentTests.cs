using System.Text.Json;
using System.Text.Json.Nodes;
using Herald.Server.Tests.Support;
using Herald.Testing;

namespace Herald.Server.Tests.Api;

/// <summary>
/// The OpenAPI document is part of the contract and is committed (docs/openapi.json), so an unintended API change
/// shows up as a failing test and a diff. After an intended change: HERALD_UPDATE_OPENAPI=1 dotnet test --filter OpenApi
/// </summary>
public sealed class OpenApiDocumentTests
{
    private static readonly string Committed = Path.Combine(RepoPaths.Root, "docs", "openapi.json");

    [Fact]
    public async Task The_served_OpenAPI_document_matches_the_committed_one()
    {
        await using var host = await HeraldTestHost.StartAsync(smtpPort: null);
        var served = Normalise(await host.Http.GetStringAsync("/openapi/v1.json"));
        if (Environment.GetEnvironmentVariable("HERALD_UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(Committed, served);
        }

        File.Exists(Committed).ShouldBeTrue($"{Committed} is missing; run with HERALD_UPDATE_OPENAPI=1 to create it");
        served.ShouldBe(await File.ReadAllTextAsync(Committed),
            "the API changed; if intended, regenerate with HERALD_UPDATE_OPENAPI=1 dotnet test tests/Herald.Server.Tests --filter OpenApi");
    }

    [Fact]
    public async Task The_document_describes_the_send_request_body()
    {
        var document = JsonNode.Parse(await File.ReadAllTextAsync(Committed))!;
        var send = document["paths"]!["/v1/messages"]!["post"]!;
        send["requestBody"]!["content"]!["application/json"].ShouldNotBeNull();
        document["paths"]!["/v1/messages/{id}"].ShouldNotBeNull();
        document["paths"]!["/v1/recipients/{address}/messages"].ShouldNotBeNull();
    }

    /// <summary>The server's own address varies per run; everything else must be stable.</summary>
    private static string Normalise(string json)
    {
        var node = JsonNode.Parse(json)!;
        node.AsObject().Remove("servers");
        return node.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }
}
