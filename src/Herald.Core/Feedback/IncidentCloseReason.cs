namespace Herald.Core.Feedback;

/// <summary>Why a domain incident closed (wire words: delivered, quiet), sent with <c>incident.closed</c>.</summary>
public enum IncidentCloseReason
{
    /// <summary>A message to the domain was delivered after the incident's last hit: the block no longer holds.</summary>
    Delivered,

    /// <summary>
    /// No address of the domain hit the block for the incident window: nothing shows it still holds (the same window that
    /// groups hits into one incident, so a hit after it would not have joined this one either).
    /// </summary>
    Quiet,
}
