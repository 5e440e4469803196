namespace Herald.Server.Hosting;

/// <summary>
/// What the operator allowed for this start only (flags of <c>herald serve</c>, never configuration, so that they cannot
/// stay set by accident and hide the next loss).
/// </summary>
/// <param name="InitStore"><c>--init</c>: start an empty store where one existed and is gone.</param>
/// <param name="RotateTokenKey"><c>--rotate-token-key</c>: generate a new token key, present or not.</param>
public sealed record ServeOptions(bool InitStore = false, bool RotateTokenKey = false);
