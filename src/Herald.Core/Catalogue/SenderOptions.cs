namespace Herald.Core.Catalogue;

public sealed class SenderOptions
{
    public string? Name { get; set; }

    public string? Address { get; set; }

    /// <summary>The SMTP route (stream) this sender's mail leaves by.</summary>
    public string? Route { get; set; }
}
