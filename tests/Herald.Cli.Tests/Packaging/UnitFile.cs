namespace Herald.Cli.Tests.Packaging;

/// <summary>
/// A systemd unit file read as systemd.syntax(7) describes it: [Section] headers, Key=Value lines, '#' and ';'
/// comments; a key may repeat (each line adds a value).
/// </summary>
internal sealed class UnitFile
{
    private readonly List<(string Section, string Key, string Value)> _entries = [];

    public static UnitFile Read(string path)
    {
        var unit = new UnitFile();
        var section = "";
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (line[0] == '[')
            {
                section = line.Trim('[', ']');
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new FormatException($"{path}: not a Key=Value line: {line}");
            }

            unit._entries.Add((section, line[..equals].Trim(), line[(equals + 1)..].Trim()));
        }

        return unit;
    }

    /// <summary>Every value of a key, in file order.</summary>
    public IReadOnlyList<string> All(string section, string key) =>
        [.. _entries.Where(e => e.Section == section && e.Key == key).Select(e => e.Value)];

    /// <summary>The value that applies: the last one, as systemd reads a single-valued setting.</summary>
    public string? this[string section, string key]
    {
        get
        {
            var values = All(section, key);
            return values.Count == 0 ? null : values[^1];
        }
    }
}
