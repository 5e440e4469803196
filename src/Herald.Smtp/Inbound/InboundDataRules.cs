using System.Buffers;

namespace Herald.Smtp.Inbound;

/// <summary>
/// Checks message data (after SmtpServer found the CRLF.CRLF terminator and removed dot-stuffing) for content that
/// RFC 5321 forbids. SmtpServer itself only ends DATA at CRLF.CRLF, so <c>\n.\n</c>, <c>\r.\n</c> or
/// <c>\n.\r\n</c> never end a message here; refusing every message with a bare CR or LF also means nothing that
/// another MTA might read as two messages is ever accepted (SMTP smuggling, CVE-2023-51766, SEC Consult 2023).
/// </summary>
internal static class InboundDataRules
{
    private const byte Cr = (byte)'\r';
    private const byte Lf = (byte)'\n';

    /// <param name="data">Message data without the final CRLF.CRLF (the last line's CRLF is part of the terminator).</param>
    /// <param name="maxLineLength">Longest allowed line in octets, CRLF included (RFC 5321 section 4.5.3.1.6: 1000).</param>
    public static DataViolation Check(in ReadOnlySequence<byte> data, int maxLineLength)
    {
        var maxContent = maxLineLength - 2;
        var lineLength = 0;
        var previousWasCr = false;
        foreach (var segment in data)
        {
            foreach (var b in segment.Span)
            {
                if (previousWasCr && b != Lf)
                {
                    return DataViolation.BareLineEnding;
                }

                if (b == Lf)
                {
                    if (!previousWasCr)
                    {
                        return DataViolation.BareLineEnding;
                    }

                    lineLength = 0;
                    previousWasCr = false;
                    continue;
                }

                previousWasCr = b == Cr;
                if (!previousWasCr && ++lineLength > maxContent)
                {
                    return DataViolation.LineTooLong;
                }
            }
        }

        // A CR right before the terminator means the wire had CR CR LF: the first CR is bare.
        return previousWasCr ? DataViolation.BareLineEnding : DataViolation.None;
    }
}
