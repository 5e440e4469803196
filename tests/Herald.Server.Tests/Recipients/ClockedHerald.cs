using Herald.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Herald.Server.Tests.Recipients;

/// <summary>A test host whose clock is faked (a day passes in no time), relaying to a scripted SMTP server on 127.0.0.1.</summary>
internal sealed class ClockedHerald : IAsyncDisposable
{
    private ClockedHerald(FakeTimeProvider time, ScriptedSmtpServer smtp, HeraldTestHost host) => (Time, Smtp, Host) = (time, smtp, host);

    public FakeTimeProvider Time { get; }

    public ScriptedSmtpServer Smtp { get; }

    public HeraldTestHost Host { get; }

    public static async Task<ClockedHerald> StartAsync(Func<string, string, int, ServerAction?>? rules = null)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var smtp = new ScriptedSmtpServer(rules is null ? null : new ByRecipient(rules).Script);
        var host = await HeraldTestHost.StartAsync(smtp.Port, services: s => s.AddSingleton<TimeProvider>(time));
        return new ClockedHerald(time, smtp, host);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
