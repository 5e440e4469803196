namespace Herald.Core.Lifecycle;

/// <summary>What an erasure did, for the operator who asked; only its id, time and actor are kept afterwards.</summary>
public sealed record ErasureReceipt(string Id, DateTimeOffset At, int Addresses, int Messages, int SuppressionsKept);
