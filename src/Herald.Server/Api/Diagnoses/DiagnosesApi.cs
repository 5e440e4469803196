using Herald.Core.Access;
using Herald.Core.Doctor;
using Herald.Core.Messages;
using Herald.Server.Access;
using Herald.Server.Doctor;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Herald.Server.Api.Diagnoses;

/// <summary>"Why didn't I get my email?" (<c>herald doctor</c>): the diagnosis, the allowlist kit and the sender check.</summary>
internal static class DiagnosesApi
{
    public static IEndpointRouteBuilder MapDiagnosesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1").WithTags("Diagnoses");
        group.MapGet("/diagnoses/{subject}", DiagnoseAsync).RequireScope(Scopes.Read)
            .WithSummary("Why mail to an address, recipient id or message id may not arrive: ranked causes, each with who must act and the next step");
        group.MapGet("/diagnoses/{address}/kit", KitAsync).RequireScope(Scopes.Read)
            .WithSummary("The allowlist kit for the address's IT department, as Markdown");
        group.MapGet("/sender-check", SenderAsync).RequireScope(Scopes.Operator)
            .WithSummary("Does the DNS authorise Herald's configured sender (SPF per route, DKIM keys, DMARC alignment, bounce MX, reverse DNS)?");
        return app;
    }

    internal static async Task<Results<Ok<DiagnosisView>, NotFoundProblem>> DiagnoseAsync(string subject, DoctorService doctor, CancellationToken cancellationToken) =>
        await doctor.DiagnoseAsync(subject, cancellationToken) is { } diagnosis
            ? TypedResults.Ok(DiagnosisView.From(diagnosis))
            : new NotFoundProblem(new ProblemDetails
            {
                Title = "Nothing to diagnose",
                Detail = $"subject: '{subject}' is not an address, and no recipient id or message id Herald knows",
            });

    internal static async Task<Results<ContentHttpResult, ValidationProblem>> KitAsync(string address, KitReader kits, CancellationToken cancellationToken) =>
        AddressRules.IsSingleMailbox(address, out var canonical)
            ? TypedResults.Text(AllowlistKitMarkdown.Write(await kits.ForAsync(canonical, cancellationToken)), "text/markdown; charset=utf-8")
            : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["address"] = [canonical] });

    internal static async Task<Ok<SenderReportView>> SenderAsync(SenderCheck check, SenderSetupReader setup, CancellationToken cancellationToken) =>
        TypedResults.Ok(SenderReportView.From(await check.CheckAsync(setup.Setup, cancellationToken)));
}
