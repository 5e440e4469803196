using System.Security.Claims;
using System.Text.Json;
using Herald.Core.Feedback;
using Herald.Core.Messages;
using Herald.Core.Queue;
using Herald.Server.Access;
using Herald.Server.Feedback;
using Herald.Server.Pages.Common;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Herald.Server.Pages.Console;

/// <summary>
/// The support console: sign in, search, one pane, and the actions of the operator scope (lift, suspend, re-send,
/// test). Every action goes through the same services as the API, with the operator's name as the actor, so the
/// history shows who did it at once.
/// </summary>
internal static class ConsolePages
{
    public const string Path = "/console";
    public const string SignInPath = "/console/sign-in";

    public static IEndpointRouteBuilder MapConsolePages(this IEndpointRouteBuilder app)
    {
        app.MapGet(SignInPath, (HttpContext http) => PageResults.Show<SignInPage>(http, new SignInModel(null))).ExcludeFromDescription();
        app.MapPost(SignInPath, SignInAsync).RequireRateLimiting(PageSchemes.SignInLimit).ExcludeFromDescription();
        var console = app.MapGroup(Path).RequireAuthorization(PageSchemes.ConsolePolicy).ExcludeFromDescription();
        console.MapGet("/", ShowAsync);
        console.MapPost("/sign-out", SignOutAsync);
        console.MapPost("/lift", LiftAsync);
        console.MapPost("/suspend", SuspendAsync);
        console.MapPost("/resend", ResendAsync);
        console.MapPost("/test", TestAsync);
        console.MapWebhookConsole();
        return app;
    }

    internal static async Task<IResult> SignInAsync(
        [FromForm(Name = "name")] string? name, [FromForm(Name = "password")] string? password, HttpContext http, OperatorAccounts accounts,
        CancellationToken cancellationToken)
    {
        if (name is null || password is null || await accounts.SignInAsync(name, password, cancellationToken) is not { } signedIn)
        {
            return PageResults.Show<SignInPage>(http, new SignInModel(PageText.SignInFailed), StatusCodes.Status401Unauthorized);
        }

        await http.SignInAsync(PageSchemes.Console, PageSchemes.Operator(signedIn));
        return TypedResults.Redirect(Path);
    }

    internal static async Task<IResult> SignOutAsync(HttpContext http, CancellationToken cancellationToken)
    {
        await http.SignOutAsync(PageSchemes.Console);
        return TypedResults.Redirect(SignInPath);
    }

    internal static Task<IResult> ShowAsync(string? q, HttpContext http, ClaimsPrincipal user, ConsoleReader reader, CancellationToken cancellationToken) =>
        PageAsync(q, null, http, user, reader, cancellationToken);

    internal static async Task<IResult> LiftAsync(
        [FromForm(Name = "address")] string address, [FromForm(Name = "note")] string? note, HttpContext http, ClaimsPrincipal user,
        FeedbackService feedback, ConsoleReader reader, CancellationToken cancellationToken)
    {
        if (BadInput(ref address, note) is { } bad)
        {
            return await PageAsync(address, bad, http, user, reader, cancellationToken, StatusCodes.Status400BadRequest);
        }

        await feedback.LiftAsync(address, PageSchemes.OperatorOf(user), note!.Trim(), cancellationToken);
        return await PageAsync(address, new PageNotice(true, PageText.Lifted(address)), http, user, reader, cancellationToken);
    }

    internal static async Task<IResult> SuspendAsync(
        [FromForm(Name = "address")] string address, [FromForm(Name = "note")] string? note, HttpContext http, ClaimsPrincipal user,
        FeedbackService feedback, ConsoleReader reader, CancellationToken cancellationToken)
    {
        if (BadInput(ref address, note) is { } bad)
        {
            return await PageAsync(address, bad, http, user, reader, cancellationToken, StatusCodes.Status400BadRequest);
        }

        await feedback.SuspendAsync(address, PageSchemes.OperatorOf(user), note!.Trim(), null, cancellationToken);
        return await PageAsync(address, new PageNotice(true, PageText.Suspended(address)), http, user, reader, cancellationToken);
    }

    /// <summary>
    /// A new message of the same type, to the same address, with the same data, through the one intake (so the
    /// catalogue, preferences and suspensions apply as to any send). A message whose secret fields were already purged
    /// cannot be rebuilt: the application must send a new one.
    /// </summary>
    internal static async Task<IResult> ResendAsync(
        [FromForm(Name = "message")] string messageId, HttpContext http, ClaimsPrincipal user, IMessageStore store, MessageIntake intake,
        ConsoleReader reader, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(messageId, cancellationToken) is not { } original)
        {
            return await PageAsync(messageId, new PageNotice(false, PageText.NothingFound), http, user, reader, cancellationToken, StatusCodes.Status404NotFound);
        }

        if (original.DataJson is null)
        {
            return await PageAsync(original.To, new PageNotice(false, PageText.CannotResend(original.Id)),
                http, user, reader, cancellationToken, StatusCodes.Status409Conflict);
        }

        using var data = JsonDocument.Parse(original.DataJson);
        var result = await intake.SubmitAsync(new SubmitRequest(original.Type, original.To, data.RootElement.Clone(), null),
            $"re-sent by operator:{PageSchemes.OperatorOf(user)} from {original.Id}", cancellationToken);
        var notice = result is IntakeResult.Accepted accepted
            ? new PageNotice(true, PageText.Resent(original.Id, accepted.Message.Id))
            : new PageNotice(false, PageText.NotResent(original.Id, result.ToString()));
        return await PageAsync(original.To, notice, http, user, reader, cancellationToken);
    }

    /// <summary>The deliverability probe's message ("checking that we can reach you"): it needs no data and says nothing private.</summary>
    internal static async Task<IResult> TestAsync(
        [FromForm(Name = "address")] string address, HttpContext http, ClaimsPrincipal user, MessageIntake intake, IOptions<FeedbackOptions> feedback,
        ConsoleReader reader, CancellationToken cancellationToken)
    {
        if (BadInput(ref address, "test") is { } bad)
        {
            return await PageAsync(address, bad, http, user, reader, cancellationToken, StatusCodes.Status400BadRequest);
        }

        var type = feedback.Value.ProbeType;
        using var empty = JsonDocument.Parse("{}");
        var message = await intake.SubmitOwnAsync(new SubmitRequest(type, address, empty.RootElement.Clone(), null),
            $"test message by operator:{PageSchemes.OperatorOf(user)}", "Herald:Feedback:ProbeType", cancellationToken);
        return await PageAsync(address, new PageNotice(true, PageText.TestSent(address, message.Id)), http, user, reader, cancellationToken);
    }

    /// <summary>The form's address must be one mailbox (used in its canonical form, as every lookup is), and a note is required.</summary>
    private static PageNotice? BadInput(ref string address, string? note)
    {
        if (!AddressRules.IsSingleMailbox(address, out var canonical))
        {
            return new PageNotice(false, PageText.NotAnAddress(address));
        }

        address = canonical;
        return string.IsNullOrWhiteSpace(note) ? new PageNotice(false, PageText.NoteRequired) : null;
    }

    private static async Task<IResult> PageAsync(
        string? query, PageNotice? notice, HttpContext http, ClaimsPrincipal user, ConsoleReader reader, CancellationToken cancellationToken, int status = StatusCodes.Status200OK)
    {
        var pane = string.IsNullOrWhiteSpace(query) ? null : await reader.FindAsync(query, cancellationToken);
        var model = new ConsoleModel(PageSchemes.OperatorOf(user), query, pane, await reader.OpenIncidentsAsync(cancellationToken), notice);
        return PageResults.Show<ConsolePage>(http, model, status);
    }
}
