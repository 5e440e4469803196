namespace Herald.Bounces;

/// <summary>Facts about a record's status code for programs that show it (the CLI, the pages).</summary>
public static class BounceStatus
{
    /// <summary>
    /// A code the classifier made up to name a reason where the report gave none (X.0.9NN, Sisimai's convention), as
    /// opposed to a code a server sent: internal codes are for grouping, never shown as the server's "codes".
    /// </summary>
    public static bool IsInternal(string status) => Rules.StatusCodes.IsInternal(status);
}
