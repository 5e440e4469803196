namespace Herald.Core.Catalogue;

/// <summary>Either a catalogue or every problem found in the configuration (not just the first).</summary>
public sealed record CatalogueBuildResult(NotificationCatalogue? Catalogue, IReadOnlyList<string> Errors)
{
    public bool IsValid => Catalogue is not null && Errors.Count == 0;
}
