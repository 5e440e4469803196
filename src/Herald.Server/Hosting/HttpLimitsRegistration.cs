using Herald.Server.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Server.Hosting;

internal static class HttpLimitsRegistration
{
    /// <summary>
    /// Kestrel's body limits from <c>Herald:Http</c>, and every request the framework cannot read answered as the
    /// client's mistake (<see cref="BadInputExceptionHandler"/>): minimal APIs throw their binding failures instead of
    /// answering a bare 400, so the answer can name the field.
    /// </summary>
    public static IServiceCollection AddHeraldHttpLimits(this IServiceCollection services, HttpOptions http)
    {
        services.Configure<KestrelServerOptions>(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = http.MaxRequestBodyBytes;
            kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(http.MinRequestBodyDataRate, http.RequestBodyGracePeriod);
        });
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<ProblemDetailsOptions>(o => o.CustomizeProblemDetails += context => BadInputExceptionHandler.Complete(context.ProblemDetails));
        services.AddExceptionHandler<BadInputExceptionHandler>();
        return services;
    }

    /// <summary>
    /// A body declared larger than the limit is refused before any endpoint runs, read or not: the same 413 from every
    /// route. Kestrel alone enforces the limit only when a handler reads; one that does not (a GET) would answer 200 and
    /// then drop the connection under a client still sending (a client that sent Expect: 100-continue sends the body
    /// after a 2xx, and not after a 413, RFC 9110 10.1.1).
    /// </summary>
    public static IApplicationBuilder UseHeraldBodyLimit(this IApplicationBuilder app) => app.Use((context, next) =>
        context.Request.ContentLength > context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize
            ? throw new Microsoft.AspNetCore.Http.BadHttpRequestException("The request body is larger than this server accepts.", StatusCodes.Status413PayloadTooLarge)
            : next(context));
}
