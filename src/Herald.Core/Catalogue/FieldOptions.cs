namespace Herald.Core.Catalogue;

public sealed class FieldOptions
{
    public bool Required { get; set; } = true;

    /// <summary>A secret value (e.g. a sign-in code) is never shown in the API, timeline, logs or dev mailbox listing.</summary>
    public bool Secret { get; set; }
}
