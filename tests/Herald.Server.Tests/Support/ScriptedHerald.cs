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

    public static async Task<ScriptedHerald> StartAsync(
        Func<string, string, int, ServerAction?> rules, TimeProvider? time = null, Dictionary<string, string?>? settings = null)
    {
        var smtp = new ScriptedSmtpServer(new ByRecipient(rules).Script);
        var host = await HeraldTestHost.StartAsync(smtp.Port, settings, services: time is null ? null : s => s.AddSingleton(time));
        return new ScriptedHerald(smtp, host);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
