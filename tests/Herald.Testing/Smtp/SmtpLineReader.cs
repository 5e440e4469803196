namespace Herald.Testing.Smtp;

/// <summary>Reads raw lines (terminator kept) so that the tests see exactly the bytes the client sent.</summary>
internal sealed class SmtpLineReader(Stream stream)
{
    private readonly byte[] _buffer = new byte[8192];
    private int _start;
    private int _end;

    /// <returns>The line including its "\n", or null at end of stream.</returns>
    public async Task<byte[]?> ReadLineAsync(CancellationToken cancellationToken)
    {
        var line = new MemoryStream();
        while (true)
        {
            if (_start == _end)
            {
                _start = 0;
                _end = await stream.ReadAsync(_buffer, cancellationToken);
                if (_end == 0)
                {
                    return line.Length > 0 ? line.ToArray() : null;
                }
            }

            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline < 0)
            {
                line.Write(_buffer, _start, _end - _start);
                _start = _end;
                continue;
            }

            line.Write(_buffer, _start, newline + 1 - _start);
            _start = newline + 1;
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
