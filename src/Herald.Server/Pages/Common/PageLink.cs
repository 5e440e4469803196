namespace Herald.Server.Pages.Common;

public sealed record PageLink(string Href, string Text);
