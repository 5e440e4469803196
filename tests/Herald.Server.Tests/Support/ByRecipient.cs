using System.Collections.Concurrent;

namespace Herald.Server.Tests.Support;

/// <summary>
/// Scripts the SMTP server per recipient: the recipient named in RCPT decides what happens to that transaction,
/// so one server can greet, defer, reject, drop and stall in the same test run.
/// </summary>
internal sealed class ByRecipient
{
    private readonly ConcurrentDictionary<int, string> _current = new();
    private readonly Func<string, string, int, ServerAction?> _rule;
    private readonly ConcurrentDictionary<(string, string), int> _seen = new();

    /// <param name="rule">(recipient, verb, how many times this recipient saw this verb) → action, null for the default.</param>
    public ByRecipient(Func<string, string, int, ServerAction?> rule) => _rule = rule;

    public ServerAction? Script(ScriptedCommand command)
    {
        if (command.Verb == "RCPT")
        {
            var start = command.Line.IndexOf('<', StringComparison.Ordinal) + 1;
            var end = command.Line.IndexOf('>', start);
            _current[command.Connection] = command.Line[start..end].ToLowerInvariant();
        }

        if (command.Verb is "RCPT" or "DATA" or "." && _current.TryGetValue(command.Connection, out var recipient))
        {
            var count = _seen.AddOrUpdate((recipient, command.Verb), 1, (_, n) => n + 1);
            return _rule(recipient, command.Verb, count);
        }

        return null;
    }
}
