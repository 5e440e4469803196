using Herald.Core.Access;
using Herald.Core.Catalogue;
using Herald.Core.Queue;
using Herald.Server.Access;
using Herald.Smtp.DevMailbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Herald.Server.Api.DevMailbox;

/// <summary>The development mailbox: what Herald "sent" while no relay is configured.</summary>
internal static class DevMailboxApi
{
    public static IEndpointRouteBuilder MapDevMailboxApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/dev/mailbox").WithTags("Development mailbox").RequireScope(Scopes.Read);
        group.MapGet("/", ListAsync).WithSummary("Captured messages, newest first (JSON; a page for browsers)");
        group.MapGet("/{id}", Get).WithSummary("One captured message, raw (message/rfc822)");
        return app;
    }

    internal static async Task<IResult> ListAsync(HttpContext http, IServiceProvider services, NotificationCatalogue catalogue, IMessageStore store, CancellationToken cancellationToken)
    {
        if (services.GetService<DevMailboxServer>() is not { } mailbox)
        {
            return TypedResults.NotFound();
        }

        var items = new List<MailboxItem>();
        foreach (var captured in mailbox.List().OrderByDescending(m => m.ReceivedAt))
        {
            items.Add(await ToItemAsync(captured, catalogue, store, cancellationToken));
        }

        var wantsHtml = http.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
        return wantsHtml ? TypedResults.Content(MailboxPage.Render(items), "text/html; charset=utf-8") : TypedResults.Ok(items);
    }

    internal static Results<FileContentHttpResult, NotFound> Get(string id, IServiceProvider services) =>
        services.GetService<DevMailboxServer>()?.Get(id) is { } captured
            ? TypedResults.File(captured.Raw, "message/rfc822", $"{id}.eml")
            : TypedResults.NotFound();

    /// <summary>
    /// The listing hides the subject of types with secret fields: a template may put the sign-in code in the
    /// subject, and the listing is the page people leave open. Opening the message shows everything.
    /// </summary>
    private static async Task<MailboxItem> ToItemAsync(CapturedMessage captured, NotificationCatalogue catalogue, IMessageStore store, CancellationToken cancellationToken)
    {
        string? heraldId = null;
        string? type = null;
        var subject = captured.Subject;
        using (var stream = new MemoryStream(captured.Raw, writable: false))
        {
            var headers = await HeaderList.LoadAsync(stream, cancellationToken);
            heraldId = headers["X-Herald-Id"];
        }

        if (heraldId is not null && await store.GetAsync(heraldId, cancellationToken) is { } message)
        {
            type = message.Type;
            if (catalogue.Find(message.Type) is { SecretFields.Count: > 0 })
            {
                subject = $"(hidden: {message.Type} carries secret fields; open the message to read it)";
            }
        }

        return new MailboxItem(captured.Id, captured.ReceivedAt, captured.MailFrom, captured.RcptTo, subject, type, heraldId, $"/dev/mailbox/{captured.Id}");
    }
}
