namespace Herald.Core.Doctor;

/// <param name="Record">The domain's SPF record as published (null when there is none).</param>
/// <param name="Detail">Which term decided, or what went wrong, in words.</param>
public sealed record SpfVerdict(SpfResult Result, string? Record, string Detail);
