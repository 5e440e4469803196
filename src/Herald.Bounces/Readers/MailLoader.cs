using MimeKit;

namespace Herald.Bounces.Readers;

/// <summary>
/// Turns bytes into a <see cref="ParsedMail"/>, refusing hostile input before deep work: size cap, binary data,
/// too many MIME boundaries, too deep nesting. Every refusal is a value with its cause, never an exception.
/// </summary>
internal static class MailLoader
{
    public const int MaxBytes = 32 * 1024 * 1024;
    private const int MaxBoundaryLines = 10_000;
    private const int MaxHeaderValue = 64 * 1024;
    private const int MaxDepth = 32;
    private const int MaxParts = 2_000;

    [ThreadStatic]
    private static BounceMimeReader? _cachedReader;

    public static (ParsedMail? Mail, string? Cause) Load(byte[] raw)
    {
        if (IsBlank(raw))
        {
            return (null, "empty input");
        }

        if (raw.Length > MaxBytes)
        {
            return (null, $"input is larger than {MaxBytes / (1024 * 1024)} MB");
        }

        if (LooksBinary(raw.AsSpan(0, Math.Min(raw.Length, 8192))))
        {
            return (null, "binary data, not an email");
        }

        var bytes = SkipBlankLead(NormalizeLineEnds(raw));
        if (!LooksLikeHeader(bytes))
        {
            return (null, "not an email: it does not start with header fields");
        }

        if (CountBoundaryLines(bytes) > MaxBoundaryLines)
        {
            return (null, "too many MIME parts");
        }

        var mail = new ParsedMail { Headers = new MailHeaders([]) };
        using var stream = new MemoryStream(bytes, 0, ReadableLength(bytes), writable: false);
        // One reader per thread: MimeKit's reader keeps sizeable buffers that need not be allocated per email.
        var reader = _cachedReader ??= new BounceMimeReader(new ParserOptions { MaxMimeDepth = MaxDepth }, MaxDepth, MaxParts);
        try
        {
            reader.Read(stream, mail);
        }
        catch (FormatException e)
        {
            return (null, "not an email: " + e.Message);
        }

        CheckHeaders(mail);
        return reader.Cause is { } cause ? (null, cause) : (mail, null);
    }

    /// <summary>
    /// Reads a message that is already parsed the way received bytes are read: written out, then streamed through
    /// <see cref="BounceMimeReader"/>. One walk over MIME parts, so both entry points give the same answer.
    /// </summary>
    public static (ParsedMail? Mail, string? Cause) Gather(MimeMessage message)
    {
        using var memory = new MemoryStream();
        message.WriteTo(memory);
        return Load(memory.ToArray());
    }

    private static void CheckHeaders(ParsedMail mail)
    {
        foreach (var header in mail.Headers.Fields)
        {
            if (header.RawValue.Length > MaxHeaderValue)
            {
                mail.Problems.Add($"header line {header.Field} is longer than {MaxHeaderValue / 1024} KB");
                return;
            }
        }
    }

    /// <summary>
    /// Where reading can stop: just after the headers of the returned original message (message/rfc822), when no
    /// report part follows it. Its body says nothing about the failure and is often most of the bytes
    /// (RFC 3462 puts it last), so skipping it roughly halves the parsing work.
    /// </summary>
    private static int ReadableLength(byte[] bytes)
    {
        var span = bytes.AsSpan();
        var at = IndexOfIgnoreCase(span, "message/rfc822"u8);
        if (at < 0 || span.Length - at < 64 || (at + 14 < span.Length && span[at + 14] == (byte)'-'))
        {
            return bytes.Length;
        }

        var rest = span[at..];
        if (IndexOfIgnoreCase(rest, "delivery-status"u8) >= 0 || IndexOfIgnoreCase(rest, "feedback-report"u8) >= 0)
        {
            return bytes.Length;
        }

        // End of the part's own headers, then end of the original message's headers.
        var partHeadersEnd = BlankLine(rest);
        if (partHeadersEnd < 0)
        {
            return bytes.Length;
        }

        var originalHeadersEnd = BlankLine(rest[partHeadersEnd..]);
        return originalHeadersEnd < 0 ? bytes.Length : at + partHeadersEnd + originalHeadersEnd;
    }

    private static int BlankLine(ReadOnlySpan<byte> span)
    {
        var lf = span.IndexOf("\n\n"u8);
        var crlf = span.IndexOf("\r\n\r\n"u8);
        return lf < 0 ? (crlf < 0 ? -1 : crlf + 4) : crlf < 0 || lf < crlf ? lf + 2 : crlf + 4;
    }

    private static int IndexOfIgnoreCase(ReadOnlySpan<byte> span, ReadOnlySpan<byte> lowerNeedle)
    {
        // Anchor on the needle's rarest byte: the first non-letter (the '/' or '-'), present in both cases.
        var anchor = 0;
        while (lowerNeedle[anchor] is >= (byte)'a' and <= (byte)'z')
        {
            anchor++;
        }

        var offset = 0;
        while (true)
        {
            var found = span[offset..].IndexOf(lowerNeedle[anchor]);
            if (found < 0)
            {
                return -1;
            }

            var start = offset + found - anchor;
            if (start >= 0 && start + lowerNeedle.Length <= span.Length
                && System.Text.Ascii.EqualsIgnoreCase(span.Slice(start, lowerNeedle.Length), lowerNeedle))
            {
                return start;
            }

            offset += found + 1;
        }
    }

    private static bool LooksBinary(ReadOnlySpan<byte> head)
    {
        // Real mail carries the odd stray NUL or ESC (ISO-2022-JP); files that are not text carry many controls.
        if (head.IndexOfAnyInRange((byte)0, (byte)8) < 0 && head.IndexOfAnyInRange((byte)14, (byte)26) < 0
            && head.IndexOfAnyInRange((byte)28, (byte)31) < 0 && head.IndexOf((byte)11) < 0)
        {
            return false;
        }

        var controls = 0;
        foreach (var b in head)
        {
            if (b < 32 && b is not ((byte)'\t' or (byte)'\r' or (byte)'\n' or 12 or 27))
            {
                controls++;
            }
        }

        return controls > 8 && controls * 100 > head.Length;
    }

    private static byte[] NormalizeLineEnds(byte[] raw)
    {
        // Classic Mac files end lines with a bare CR, which MIME parsers read as one endless line.
        if (raw.AsSpan().IndexOf((byte)'\n') >= 0 || raw.AsSpan().IndexOf((byte)'\r') < 0)
        {
            return raw;
        }

        var bytes = raw.ToArray();
        {
            for (var i = 0; i < bytes.Length; i++)
            {
                if (bytes[i] == '\r')
                {
                    bytes[i] = (byte)'\n';
                }
            }
        }

        return bytes;
    }

    // A saved message sometimes starts with a line of spaces before its header (a mail client's export, a paste);
    // the header begins at the first line with something on it.
    private static byte[] SkipBlankLead(byte[] bytes)
    {
        var start = 0;
        while (start < bytes.Length)
        {
            var end = bytes.AsSpan(start).IndexOf((byte)'\n');
            var line = end < 0 ? bytes.AsSpan(start) : bytes.AsSpan(start, end);
            if (!IsBlank(line) || end < 0)
            {
                break;
            }

            start += end + 1;
        }

        return start == 0 ? bytes : bytes[start..];
    }

    // Loops, not span.Trim(byte) or IndexOfAnyExcept(...) over bytes: those generic methods are not precompiled for byte in
    // the framework's ReadyToRun image, so every `herald` call JIT-compiled eight of them (issue 14); the lines read here
    // are the few before the header.
    private static bool IsBlank(ReadOnlySpan<byte> line)
    {
        foreach (var b in line)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool LooksLikeHeader(byte[] bytes)
    {
        // RFC 5322 section 2.2: a field name is printable ASCII without ':' followed by ':'. mbox "From " lines too.
        var start = 0;
        while (start < bytes.Length && bytes[start] is (byte)'\r' or (byte)'\n')
        {
            start++;
        }

        var line = bytes.AsSpan(start, Math.Min(bytes.Length - start, 1000));
        if (line.StartsWith("From "u8))
        {
            return true;
        }

        var colon = line.IndexOf((byte)':');
        if (colon <= 0)
        {
            return false;
        }

        foreach (var b in line[..colon])
        {
            if (b is <= 32 or >= 127)
            {
                return false;
            }
        }

        return true;
    }

    private static int CountBoundaryLines(byte[] bytes)
    {
        var count = 0;
        var span = bytes.AsSpan();
        var at = 0;
        while (true)
        {
            var found = span[at..].IndexOf("\n--"u8);
            if (found < 0)
            {
                return count;
            }

            count++;
            at += found + 3;
            if (count > MaxBoundaryLines)
            {
                return count;
            }
        }
    }
}
