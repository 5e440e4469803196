using Microsoft.Extensions.DependencyInjection;

namespace Herald.Server.Tests.Support;

/// <summary>
/// A real Herald relaying to a real SMTP server on 127.0.0.1 that answers per recipient (see <see cref="ByRecipient"/>),
/// optionally on a fake clock; disposed together, Herald first so nothing is mid-send when the server goes.
/// </summary>
internal sealed class ScriptedHerald : IAsyncDisposable
{
    private ScriptedHerald(ScriptedSmtpServer smtp, HeraldTestHost host) => (Smtp, Host) = (smtp, host);

    public ScriptedSmtpServer Smtp { get; }

    public HeraldTestHost Host { get; }

    public static Task<ScriptedHerald> StartAsync(
        Func<string, string, int, ServerAction?> rules, TimeProvider? time = null, Dictionary<string, string?>? settings = null) =>
        StartAsync(new ByRecipient(rules).Script, port => HeraldTestHost.StartAsync(port, settings, services: time is null ? null : s => s.AddSingleton(time)));

    /// <param name="script">The SMTP server's script; null for the polite accepting default.</param>
    /// <param name="startHost">Starts Herald relaying to the given port (settings, services or environment of its own).</param>
    public static async Task<ScriptedHerald> StartAsync(Func<ScriptedCommand, ServerAction?>? script, Func<int, Task<HeraldTestHost>> startHost)
    {
        var smtp = new ScriptedSmtpServer(script);
        var host = await startHost(smtp.Port);
        return new ScriptedHerald(smtp, host);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
