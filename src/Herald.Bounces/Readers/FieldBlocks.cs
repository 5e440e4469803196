namespace Herald.Bounces.Readers;

/// <summary>
/// Splits RFC 822-style field text (DSN and ARF bodies) into unfolded "name: value" pairs, keeping the order,
/// and keeping a blank line as a separator pair ("", "") so callers can see block boundaries.
/// </summary>
internal static class FieldBlocks
{
    public static List<(string Name, string Value)> Parse(string text, int maxFields)
    {
        var fields = new List<(string, string)>();
        string? name = null;
        var value = new System.Text.StringBuilder();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t') && name is not null)
            {
                if (value.Length < 4096)
                {
                    value.Append(' ').Append(line.Trim());
                }

                continue;
            }

            Flush();
            if (fields.Count > maxFields)
            {
                break;
            }

            if (line.Trim().Length == 0)
            {
                fields.Add(("", ""));
                continue;
            }

            // Mimecast writes "Status : 5.0.0", with a space before the colon.
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && colon < 64 && !line.AsSpan(0, colon).TrimEnd().Contains(' '))
            {
                name = line[..colon].Trim().ToLowerInvariant();
                value.Append(line[(colon + 1)..].Trim());
            }
        }

        Flush();
        return fields;

        void Flush()
        {
            if (name is not null)
            {
                fields.Add((name, value.ToString().Trim()));
            }

            name = null;
            value.Clear();
        }
    }

    /// <summary>"rfc822; user@example.org" -> "user@example.org"; "dns; mx.example.org" -> "mx.example.org".</summary>
    public static string AfterType(string value)
    {
        var semi = value.IndexOf(';', StringComparison.Ordinal);
        return (semi >= 0 ? value[(semi + 1)..] : value).Trim().Trim('<', '>', ' ', '"');
    }

    /// <summary>"SMTP; 550 text" -> ("SMTP", "550 text"); no type -> ("", value).</summary>
    public static (string Type, string Text) SplitType(string value)
    {
        var semi = value.IndexOf(';', StringComparison.Ordinal);
        if (semi > 0 && semi < 16 && !value.AsSpan(0, semi).Contains(' '))
        {
            return (value[..semi].Trim().ToUpperInvariant(), value[(semi + 1)..].Trim());
        }

        return ("", value.Trim());
    }
}
