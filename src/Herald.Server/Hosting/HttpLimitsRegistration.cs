using Herald.Server.Configuration;
using Microsoft.AspNetCore.Http;
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
}
