using Herald.Server.Recipients;

namespace Herald.Server.Hosting;

/// <summary>
/// What the checks before start-up found worth saying (what <c>--init</c> or <c>--rotate-token-key</c> broke), kept
/// until the logger exists and written among the first log lines by <see cref="StartupReport"/>.
/// </summary>
internal sealed class StartupNotes
{
    private readonly List<string> _warnings = [];

    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>What the token key may do when its file is missing (decided with the store: see <see cref="DataFolder"/>).</summary>
    public TokenKeyMode TokenKeyMode { get; set; } = TokenKeyMode.CreateIfMissing;

    public void Warn(string warning) => _warnings.Add(warning);
}
