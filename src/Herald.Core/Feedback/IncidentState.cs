namespace Herald.Core.Feedback;

/// <summary>Where a domain incident stands (wire words: open, closed).</summary>
public enum IncidentState
{
    /// <summary>The domain still blocks us: no delivery to it since the last hit, and the last hit within the window.</summary>
    Open,

    /// <summary>The block lifted; a new hit of the same block opens a new incident.</summary>
    Closed,
}
