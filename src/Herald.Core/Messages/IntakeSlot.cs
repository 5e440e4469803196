namespace Herald.Core.Messages;

/// <summary>A place taken at <see cref="IntakeAdmission"/>, given back when disposed (<see cref="None"/> for a request that took none).</summary>
public sealed class IntakeSlot : IDisposable
{
    public static readonly IntakeSlot None = new(null);

    private SemaphoreSlim? _slots;

    internal IntakeSlot(SemaphoreSlim? slots) => _slots = slots;

    public void Dispose() => Interlocked.Exchange(ref _slots, null)?.Release();
}
