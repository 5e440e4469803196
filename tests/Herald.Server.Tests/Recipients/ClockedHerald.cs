using Herald.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Herald.Server.Tests.Recipients;

/// <summary>A <see cref="ScriptedHerald"/> whose clock is faked (a day passes in no time), the clock at hand.</summary>
internal sealed class ClockedHerald(FakeTimeProvider time, ScriptedHerald herald) : IAsyncDisposable
{
    public FakeTimeProvider Time => time;

    public ScriptedSmtpServer Smtp => herald.Smtp;

    public HeraldTestHost Host => herald.Host;

    public static async Task<ClockedHerald> StartAsync(Func<string, string, int, ServerAction?>? rules = null)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var herald = await ScriptedHerald.StartAsync(rules is null ? null : new ByRecipient(rules).Script,
            port => HeraldTestHost.StartAsync(port, services: s => s.AddSingleton<TimeProvider>(time)));
        return new ClockedHerald(time, herald);
    }

    public ValueTask DisposeAsync() => herald.DisposeAsync();
}
