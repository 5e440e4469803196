namespace Herald.Testing.Smtp;

/// <summary>Reads raw lines (terminator kept) so that the tests see exactly the bytes the client sent.</summary>
internal sealed class SmtpLineReader(Stream stream)
{
    private readonly byte[] buffer = new byte[8192];
    private int start;
    private int end;

    /// <returns>The line including its "\n", or null at end of stream.</returns>
    public async Task<byte[]?> ReadLineAsync(CancellationToken cancellationToken)
    {
        var line = new MemoryStream();
        while (true)
        {
            if (start == end)
            {
                start = 0;
                end = await stream.ReadAsync(buffer, cancellationToken);
                if (end == 0)
                {
                    return line.Length > 0 ? line.ToArray() : null;
                }
            }

            var newline = Array.IndexOf(buffer, (byte)'\n', start, end - start);
            if (newline < 0)
            {
                line.Write(buffer, start, end - start);
                start = end;
                continue;
            }

            line.Write(buffer, start, newline + 1 - start);
            start = newline + 1;
            return line.ToArray();
        }
    }

    /// <summary>The DATA content up to and including the ".\r\n" line (a bare ".\n" ends it too, to catch bugs).</summary>
    public async Task<byte[]> ReadDataAsync(CancellationToken cancellationToken)
    {
        var data = new MemoryStream();
        while (await ReadLineAsync(cancellationToken) is { } line)
        {
            data.Write(line);
            if (line is [(byte)'.', (byte)'\r', (byte)'\n'] or [(byte)'.', (byte)'\n'])
            {
                break;
            }
        }

        return data.ToArray();
    }
}
