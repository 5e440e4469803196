namespace Herald.Server.Recipients;

public abstract record PreferenceChange
{
    private PreferenceChange() { }

    public sealed record Done(EffectivePreference Preference) : PreferenceChange;

    public sealed record NoRecipient : PreferenceChange;

    public sealed record UnknownCategory(IReadOnlyList<string> Known) : PreferenceChange;

    /// <summary>The category may not be turned off; the reason says why in plain words.</summary>
    public sealed record Mandatory(string Reason) : PreferenceChange;
}
