namespace Herald.Server.Access;

/// <summary>The scope an endpoint requires: declared once, where the endpoint is mapped (<see cref="ScopeEndpointExtensions.RequireScope"/>).</summary>
public sealed record ScopeMetadata(string Scope);
