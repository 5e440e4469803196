using System.Security.Claims;
using Herald.Core.Access;

namespace Herald.Server.Access;

/// <summary>The claims Herald puts on a caller: its scopes and how the audit names it.</summary>
internal static class HeraldClaims
{
    public const string Scope = "scope";

    public const string Actor = "herald:actor";

    public const string KeyId = "herald:key";

    /// <summary>How the audit names the caller: <c>key:NAME</c>, or <c>quick-start</c> for anonymous calls in the quick start.</summary>
    public static string ActorOf(ClaimsPrincipal user) => user.FindFirst(Actor)?.Value ?? "anonymous";

    public static ClaimsPrincipal For(ApiKey key, string scheme) => Principal(scheme, key.Actor, key.Scopes, key.Id);

    public static ClaimsPrincipal QuickStart(string scheme) => Principal(scheme, "quick-start", Scopes.All, null);

    private static ClaimsPrincipal Principal(string scheme, string actor, IEnumerable<string> scopes, string? keyId)
    {
        var claims = new List<Claim> { new(Actor, actor), new(ClaimTypes.Name, actor) };
        claims.AddRange(scopes.Select(s => new Claim(Scope, s)));
        if (keyId is not null)
        {
            claims.Add(new Claim(KeyId, keyId));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }
}
