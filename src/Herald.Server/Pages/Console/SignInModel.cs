namespace Herald.Server.Pages.Console;

/// <param name="Error">Why the last attempt failed; null on the first visit.</param>
public sealed record SignInModel(string? Error);
