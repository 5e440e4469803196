namespace Herald.Server.Pages;

/// <summary>The pages people see (<c>Herald:Pages</c>): the end user's email settings and the support console.</summary>
public sealed class PagesOptions
{
    /// <summary>How a user reaches support when an unblock is refused ("support@example.com", a URL); a generic sentence when unset.</summary>
    public string? SupportContact { get; set; }

    /// <summary>The hosts or IP addresses mail leaves from, listed on the page for the user's IT department when set.</summary>
    public List<string> SendingHosts { get; } = [];

    /// <summary>How long the email-settings session lasts after the last request (sliding).</summary>
    public TimeSpan PortalSession { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long an operator stays signed in to the console after the last request (sliding).</summary>
    public TimeSpan ConsoleSession { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Sign-in attempts to the console per minute and client address; more are refused (429) until the minute ends.</summary>
    public int SignInsPerMinute { get; set; } = 10;
}
