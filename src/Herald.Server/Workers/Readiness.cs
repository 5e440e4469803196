namespace Herald.Server.Workers;

/// <summary>Set once the queue is recovered and the workers run; <c>/healthz</c> answers 200 only then.</summary>
internal sealed class Readiness
{
    private volatile bool _ready;

    public bool IsReady => _ready;

    public void WorkersStarted() => _ready = true;
}
