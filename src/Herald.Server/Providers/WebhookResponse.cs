using Microsoft.AspNetCore.Http;

namespace Herald.Server.Providers;

/// <summary>What a webhook answers. Providers retry on 5xx (and SNS on most non-2xx); 4xx tells them to stop.</summary>
internal sealed record WebhookResponse(int StatusCode, string Detail)
{
    public static WebhookResponse Ok(string detail) => new(StatusCodes.Status200OK, detail);

    public static WebhookResponse BadRequest(string detail) => new(StatusCodes.Status400BadRequest, detail);

    public static WebhookResponse Forbidden(string detail) => new(StatusCodes.Status403Forbidden, detail);

    public static WebhookResponse Unavailable(string detail) => new(StatusCodes.Status503ServiceUnavailable, detail);

    public static WebhookResponse From(VerificationResult result) =>
        result.Outcome == VerificationOutcome.Unavailable
            ? Unavailable(result.Reason ?? "try again later")
            : Forbidden(result.Reason ?? "not authentic");
}
