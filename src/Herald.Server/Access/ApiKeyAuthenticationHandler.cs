using System.Text.Encodings.Web;
using Herald.Core.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Herald.Server.Access;

/// <summary>
/// <c>Authorization: Bearer hk_...</c> (RFC 6750 section 2.1). Without the header, a caller is anonymous, which only the
/// quick start lets through (<see cref="AccessMode"/>); a header with a bad key is refused even there. 401 and 403 are
/// ProblemDetails saying what to send or which scope is missing.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiKeyService keys, AccessMode mode, IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string Bearer = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            return mode.QuickStart ? Success(HeraldClaims.QuickStart(Scheme.Name)) : AuthenticateResult.NoResult();
        }

        if (!header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("the Authorization header must be 'Bearer <key>'");
        }

        var key = await keys.AuthenticateAsync(header[Bearer.Length..].Trim(), Context.RequestAborted);
        return key is null
            ? AuthenticateResult.Fail("the API key is not valid: it is unknown, altered or revoked")
            : Success(HeraldClaims.For(key, Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await WriteAsync("An API key is required", result.Failure?.Message
            ?? $"Send 'Authorization: Bearer <key>'. Create a key with: herald keys create --name NAME --scopes {string.Join(",", Scopes.All)} ({mode.Why})");
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        var scope = Context.GetEndpoint()?.Metadata.GetMetadata<ScopeMetadata>()?.Scope ?? "?";
        await WriteAsync("The API key lacks a scope", $"This call needs a key with the scope '{scope}'; this key is {HeraldClaims.ActorOf(Context.User)}.", scope);
    }

    private AuthenticateResult Success(System.Security.Claims.ClaimsPrincipal principal) =>
        AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));

    private async Task WriteAsync(string title, string detail, string? scope = null)
    {
        var problem = new ProblemDetails { Status = Response.StatusCode, Title = title, Detail = detail };
        if (scope is not null)
        {
            problem.Extensions["scope"] = scope;
        }

        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = Context, ProblemDetails = problem });
    }
}
