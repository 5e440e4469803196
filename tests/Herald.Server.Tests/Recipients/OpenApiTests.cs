using System.Net.Http.Json;
using System.Text.Json;
using Herald.Server.Tests.Support;

namespace Herald.Server.Tests.Recipients;

public sealed class OpenApiTests
{
    [Fact]
    public async Task The_OpenAPI_document_covers_every_recipient_route()
    {
        await using var host = await HeraldTestHost.StartAsync(smtpPort: null);
        var paths = (await host.Http.GetFromJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("paths");
        var expected = new Dictionary<string, string[]>
        {
            ["/v1/recipients"] = ["post"],
            ["/v1/recipients/{id}"] = ["get"],
            ["/v1/recipients/{id}/addresses"] = ["post"],
            ["/v1/recipients/{id}/addresses/{address}"] = ["delete"],
            ["/v1/recipients/{id}/addresses/{address}/primary"] = ["post"],
            ["/v1/recipients/{id}/addresses/{address}/verification"] = ["post"],
            ["/v1/recipients/{id}/addresses/{address}/verify"] = ["post"],
            ["/v1/recipients/{id}/preferences"] = ["get"],
            ["/v1/recipients/{id}/preferences/{category}"] = ["put"],
            ["/unsubscribe/{token}"] = ["get", "post"],
            ["/verify/{token}"] = ["get", "post"],
        };
        foreach (var (path, methods) in expected)
        {
            paths.TryGetProperty(path, out var item).ShouldBeTrue($"{path} is not in the OpenAPI document: {string.Join(", ", paths.EnumerateObject().Select(p => p.Name))}");
            foreach (var method in methods)
            {
                item.TryGetProperty(method, out _).ShouldBeTrue($"{method} {path}");
            }
        }
    }
}
