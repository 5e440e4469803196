using Herald.Core.Queue;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Herald.Server.Hosting;

/// <summary>
/// A store that cannot write (a full disk, an I/O error, a corrupt page) answers 503 with Retry-After as a ProblemDetails
/// (RFC 9110 section 15.6.4: the server is unable to handle the request now, and may say when to retry), not a generic
/// 500: nothing was accepted, and the same request will succeed once the operator fixed the disk. The detail stays
/// generic (paths are for the operator's log, not for clients).
/// </summary>
internal sealed partial class StorageFaultHandler(IProblemDetailsService problems, ILogger<StorageFaultHandler> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 30;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not StorageFaultException fault)
        {
            return false;
        }

        LogFault(logger, httpContext.Request.Method, httpContext.Request.Path, fault.Message);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Storage unavailable",
                Detail = "Herald cannot use its store right now (a full or failing disk, or a database that cannot be reached), so nothing of this request was accepted. Try again later.",
            },
        });
    }

    [LoggerMessage(1, LogLevel.Error, "{Method} {Path} answered 503: {Fault}")]
    private static partial void LogFault(ILogger logger, string method, string path, string fault);
}
