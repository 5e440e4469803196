namespace Herald.Core.Feedback;

/// <summary>
/// The word for an address's standing, the one the API, the CLI and the pages show: <c>ok</c>; <c>suspended</c> (the
/// help article's yellow box: Herald does not send); <c>problem</c> (the gray box: the last attempt failed with the
/// remote server's text, and Herald keeps trying).
/// </summary>
public enum DeliverabilityState
{
    Ok,
    Suspended,
    Problem,
}
