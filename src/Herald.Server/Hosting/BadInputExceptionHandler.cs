using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Herald.Server.Hosting;

/// <summary>
/// The last word on a request the framework could not read: Kestrel's body limits (413 too large, 408 too slow), a
/// route or query value or a JSON body that does not bind (400, naming the field when the framework says which), an
/// unsupported media type (415). Each is the client's mistake, answered as an RFC 9457 ProblemDetails; anything else
/// is a bug and goes on to the default 500, which never carries the exception (only the Development page would).
/// </summary>
internal sealed partial class BadInputExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (Describe(exception) is not { } problem)
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem });
    }

    /// <summary>
    /// The same words for a 413 or 408 whichever layer noticed it: this handler, or a minimal API's body binding, which
    /// answers the bare status code itself (then written by the status code pages).
    /// </summary>
    internal static void Complete(ProblemDetails problem)
    {
        if (problem.Detail is not null)
        {
            return;
        }

        (problem.Title, problem.Detail) = problem.Status switch
        {
            StatusCodes.Status413PayloadTooLarge => ("Body too large", "The request body is larger than this server accepts (Herald:Http:MaxRequestBodyBytes)."),
            StatusCodes.Status408RequestTimeout => ("Request body too slow",
                "The request body stopped arriving or arrived too slowly (Herald:Http:MinRequestBodyDataRate); send it again."),
            _ => (problem.Title, problem.Detail),
        };
    }

    /// <summary>The answer to an exception that is a bad request, or null when it is not one.</summary>
    internal static ProblemDetails? Describe(Exception exception) => exception switch
    {
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge or StatusCodes.Status408RequestTimeout } bad => Completed(bad.StatusCode),
        BadHttpRequestException { InnerException: JsonException json } => Invalid(Field(json.Path), $"is not valid: {FirstSentence(json.Message)}"),
        JsonException json => Invalid(Field(json.Path), $"is not valid: {FirstSentence(json.Message)}"),
        BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } bad => new ProblemDetails
        {
            Status = StatusCodes.Status415UnsupportedMediaType,
            Title = "Unsupported media type",
            Detail = $"{bad.Message} Send Content-Type: application/json.",
        },
        BadHttpRequestException bad when bad.StatusCode is >= 400 and < 500 => Parameter().Match(bad.Message) is { Success: true } m
            ? Invalid(m.Groups["name"].Value, $"is not valid: {bad.Message}", bad.StatusCode)
            : new ProblemDetails { Status = bad.StatusCode, Title = "The request is not valid", Detail = bad.Message },
        _ => null,
    };

    private static ProblemDetails Completed(int status)
    {
        var problem = new ProblemDetails { Status = status };
        Complete(problem);
        return problem;
    }

    private static HttpValidationProblemDetails Invalid(string field, string message, int status = StatusCodes.Status400BadRequest) =>
        new(new Dictionary<string, string[]> { [field] = [message] }) { Status = status, Title = "The request is not valid" };

    /// <summary>System.Text.Json's path (<c>$.addresses[1]</c>) as the API names fields (<c>addresses[1]</c>); the root is the body.</summary>
    private static string Field(string? path) =>
        path is null or "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    /// <summary>The reader's message without its "Path: ... | LineNumber: ..." tail, which the field name already says.</summary>
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    /// <summary>Minimal APIs name the parameter: <c>Failed to bind parameter "int? limit" from "abc".</c></summary>
    [GeneratedRegex("""parameter "[^"]*?(?<name>[A-Za-z_][A-Za-z0-9_]*)"(?: from| was)""", RegexOptions.CultureInvariant)]
    private static partial Regex Parameter();
}
