using Microsoft.AspNetCore.Builder;

namespace Herald.Server.Hosting;

internal static class ProblemDetailsSetup
{
    /// <summary>Every error, including unhandled ones and bare status codes, is an RFC 9457 (7807) ProblemDetails.</summary>
    public static WebApplication UseHeraldProblemDetails(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseHeraldBodyLimit(); // inside the handler, so its 413 is a ProblemDetails too
        return app;
    }
}
