namespace Herald.Server.Pages.Common;

/// <param name="Button">The one button, posting to the page's own address; null for none.</param>
public sealed record MessageModel(string Title, string Text, string? Button = null, PageLink? Link = null, PageNotice? Notice = null);
