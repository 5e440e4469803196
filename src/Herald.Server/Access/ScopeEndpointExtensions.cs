using Microsoft.AspNetCore.Builder;

namespace Herald.Server.Access;

/// <summary>Where each endpoint says who may call it: one scope per endpoint, enforced by ASP.NET Core's authorization.</summary>
internal static class ScopeEndpointExtensions
{
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ScopeMetadata(scope)).RequireAuthorization(AccessRegistration.Policy(scope));
}
