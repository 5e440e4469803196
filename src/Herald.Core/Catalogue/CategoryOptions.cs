namespace Herald.Core.Catalogue;

/// <summary>How a category is shown to people (<c>Herald:Categories:&lt;key&gt;</c>): the settings page, unsubscribe pages, the console.</summary>
public sealed class CategoryOptions
{
    /// <summary>"Report notifications"; the key when unset.</summary>
    public string? DisplayName { get; set; }

    /// <summary>One sentence: what these emails are and when they come.</summary>
    public string? Description { get; set; }

    /// <summary>Why the category cannot be turned off, in the reader's words; a sentence naming its types when unset.</summary>
    public string? LockedReason { get; set; }
}
