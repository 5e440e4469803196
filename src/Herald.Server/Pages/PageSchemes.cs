using System.Security.Claims;

namespace Herald.Server.Pages;

/// <summary>
/// The two cookie schemes of the pages, apart from each other and from the API key scheme: a portal session names one
/// recipient and opens nothing else; a console session names one operator.
/// </summary>
internal static class PageSchemes
{
    public const string Portal = "Portal";
    public const string Console = "Console";
    public const string PortalPolicy = "portal";
    public const string ConsolePolicy = "console";
    public const string SignInLimit = "console-sign-in";

    private const string RecipientClaim = "herald:recipient";
    private const string OperatorClaim = "herald:operator";

    public static ClaimsPrincipal PortalUser(string recipientId) =>
        new(new ClaimsIdentity([new Claim(RecipientClaim, recipientId), new Claim(ClaimTypes.Name, recipientId)], Portal));

    public static ClaimsPrincipal Operator(string name) =>
        new(new ClaimsIdentity([new Claim(OperatorClaim, name), new Claim(ClaimTypes.Name, name)], Console));

    /// <summary>Whether this session is the recipient's own: the only check between a user and another's data.</summary>
    public static bool Owns(ClaimsPrincipal user, string recipientId) =>
        user.FindFirst(RecipientClaim)?.Value is { } own && string.Equals(own, recipientId, StringComparison.Ordinal);

    public static string OperatorOf(ClaimsPrincipal user) =>
        user.FindFirst(OperatorClaim)?.Value ?? throw new InvalidOperationException("the console endpoints require the console policy");

    public static string RecipientClaimType => RecipientClaim;

    public static string OperatorClaimType => OperatorClaim;
}
