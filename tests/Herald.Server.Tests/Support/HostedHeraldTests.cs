namespace Herald.Server.Tests.Support;

/// <summary>
/// The setup of the suites that run against a real Herald relaying to a scripted SMTP server on 127.0.0.1: both start
/// before each test and go after it (xUnit makes one instance per test, so no test sees another's messages), Herald
/// first so nothing is mid-send when the server goes.
/// </summary>
public abstract class HostedHeraldTests : IAsyncLifetime
{
    private readonly Func<ScriptedCommand, ServerAction?>? _smtpScript;
    private ScriptedHerald _herald = null!;

    /// <param name="smtpScript">The SMTP server's script; null for the polite accepting default.</param>
    private protected HostedHeraldTests(Func<ScriptedCommand, ServerAction?>? smtpScript = null) => _smtpScript = smtpScript;

    private protected ScriptedSmtpServer Smtp => _herald.Smtp;

    private protected HeraldTestHost Host => _herald.Host;

    public virtual async ValueTask InitializeAsync() => _herald = await ScriptedHerald.StartAsync(_smtpScript, StartHostAsync);

    public virtual async ValueTask DisposeAsync()
    {
        await _herald.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Starts Herald relaying to <paramref name="smtpPort"/>; a suite with settings or services of its own overrides it.</summary>
    private protected virtual Task<HeraldTestHost> StartHostAsync(int smtpPort) => HeraldTestHost.StartAsync(smtpPort);
}
