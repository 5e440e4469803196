using Herald.Server.Providers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Server.Api.Providers;

/// <summary>
/// Minimal-API routes for provider webhooks. They take the raw body (SNS posts JSON as text/plain, and the signature
/// covers exact values), answer 200 when applied or acknowledged, 400 ProblemDetails when malformed, 403 when not
/// authentic, 503 when the provider should retry. Register the services with AddHeraldSesWebhook/AddHeraldMailgunWebhook.
/// </summary>
public static class ProviderWebhooksApi
{
    /// <summary>Maps the provider webhooks that are configured (their options registered), and no others.</summary>
    public static IEndpointRouteBuilder MapProviderWebhooks(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetService<SesWebhookOptions>() is not null)
        {
            app.MapSesEndpoint().WithTags("Providers");
        }

        if (app.ServiceProvider.GetService<MailgunWebhookOptions>() is not null)
        {
            app.MapMailgunEndpoint().WithTags("Providers");
        }

        return app;
    }

    public static RouteHandlerBuilder MapSesEndpoint(this IEndpointRouteBuilder app, string pattern = "/v1/providers/ses") =>
        app.MapPost(pattern, (Func<HttpContext, Task<Results<ContentHttpResult, ProblemHttpResult>>>)(context =>
        {
            var services = context.RequestServices;
            var handler = services.GetRequiredService<SesWebhookHandler>();
            return RunAsync(context, services.GetRequiredService<SesWebhookOptions>().MaxBodyBytes, handler.HandleAsync);
        }));

    public static RouteHandlerBuilder MapMailgunEndpoint(this IEndpointRouteBuilder app, string pattern = "/v1/providers/mailgun") =>
        app.MapPost(pattern, (Func<HttpContext, Task<Results<ContentHttpResult, ProblemHttpResult>>>)(context =>
        {
            var services = context.RequestServices;
            var handler = services.GetRequiredService<MailgunWebhookHandler>();
            return RunAsync(context, services.GetRequiredService<MailgunWebhookOptions>().MaxBodyBytes, handler.HandleAsync);
        }));

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> RunAsync(
        HttpContext context, int maxBodyBytes, Func<ReadOnlyMemory<byte>, CancellationToken, Task<WebhookResponse>> handle)
    {
        var body = await ReadBodyAsync(context.Request, maxBodyBytes, context.RequestAborted);
        if (body is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Body too large");
        }

        var response = await handle(body.Value, context.RequestAborted);
        return response.StatusCode == StatusCodes.Status200OK
            ? TypedResults.Text(response.Detail, "text/plain", statusCode: StatusCodes.Status200OK)
            : TypedResults.Problem(detail: response.Detail, statusCode: response.StatusCode, title: TitleOf(response.StatusCode));
    }

    private static string TitleOf(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "Malformed provider payload",
        StatusCodes.Status403Forbidden => "Provider payload is not authentic",
        _ => "Try again later",
    };

    /// <returns>null when the body is larger than allowed; read no further than that.</returns>
    private static async Task<ReadOnlyMemory<byte>?> ReadBodyAsync(HttpRequest request, int max, CancellationToken cancellationToken)
    {
        if (request.ContentLength > max)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
