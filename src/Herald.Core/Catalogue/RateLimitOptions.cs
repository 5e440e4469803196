namespace Herald.Core.Catalogue;

/// <summary><c>Herald:Catalogue:&lt;type&gt;:RateLimit</c>: at most Count messages of the type to one address per Window.</summary>
public sealed class RateLimitOptions
{
    public int Count { get; set; }

    public TimeSpan Window { get; set; }
}
