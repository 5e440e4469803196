namespace Herald.Server.Pages.Common;

/// <summary>The outcome of the action the page answers (shown at its top, announced to screen readers).</summary>
/// <param name="Ok">Done (green) or refused (red).</param>
public sealed record PageNotice(bool Ok, string Text);
