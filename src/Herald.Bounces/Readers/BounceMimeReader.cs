using MimeKit;
using MimeKit.Utils;

namespace Herald.Bounces.Readers;

/// <summary>
/// Streams an email through MimeKit's <see cref="MimeReader"/> and keeps only what bounce readers need:
/// the top-level headers, the human-readable text, delivery-status and feedback-report parts, and the headers of
/// the returned original message. Building no object tree keeps this several times faster than a full parse.
/// </summary>
internal sealed class BounceMimeReader(ParserOptions options, int maxDepth, int maxParts)
    : MimeReader(options, Stream.Null, MimeFormat.Entity)
{
    private ParsedMail _mail = null!;

    private const int MaxPartBytes = 1 << 20;

    // The children counted so far of each open multipart, innermost last. An array, not a Stack<int>: Stack<int> is in no
    // ReadyToRun image (System.Collections instantiates it for nothing), so every `herald` call JIT-compiled 8 of its
    // methods (issue 14; DOTNET_JitDisasmSummary=1).
    private int[] _children = new int[8];
    private int _open;
    private List<Header> _headers = [];
    private readonly System.Text.StringBuilder _preamble = new();
    private int _messageDepth;
    private int _parts;
    private bool _topEntity = true;
    private ContentType? _partType;
    private ContentEncoding _partEncoding;
    private bool _partAttachment;
    private byte[]? _buffer;
    private int _length;

    public string? Cause { get; private set; }

    /// <summary>Reads one email into <paramref name="target"/>; the reader (and MimeKit's buffers) is reused.</summary>
    public void Read(Stream stream, ParsedMail target)
    {
        _mail = target;
        _open = 0;
        _headers = [];
        _preamble.Clear();
        _messageDepth = 0;
        _parts = 0;
        _topEntity = true;
        _partType = null;
        _length = 0;
        Cause = null;
        SetStream(stream, MimeFormat.Entity);
        ReadMessage();
    }

    // MimeReader reports a message's headers first and then OnMimeMessageBegin; the headers just read are the
    // message's: depth 1 is the bounce itself, depth 2 the returned original message.
    protected override void OnMimeMessageBegin(long beginOffset, int beginLineNumber, CancellationToken cancellationToken)
    {
        _messageDepth++;
        if (_messageDepth + _open >= maxDepth - 1)
        {
            Cause ??= "MIME nesting is too deep";
        }

        if (_messageDepth == 1)
        {
            _mail.Headers = new MailHeaders(_headers);
        }
        else if (_messageDepth == 2 && _mail.Original is null)
        {
            _mail.Original = new MailHeaders(_headers);
        }
    }

    protected override void OnMimeMessageEnd(long beginOffset, int beginLineNumber, long headersEndOffset, long endOffset, int lines, CancellationToken cancellationToken) =>
        _messageDepth--;

    // A fresh list per header block, so that a message's list can be handed over without copying.
    protected override void OnHeadersBegin(long beginOffset, int beginLineNumber, CancellationToken cancellationToken) => _headers = new List<Header>(24);

    protected override void OnHeaderRead(Header header, int beginLineNumber, CancellationToken cancellationToken) => _headers.Add(header);

    protected override void OnMultipartBegin(ContentType contentType, long beginOffset, int beginLineNumber, CancellationToken cancellationToken)
    {
        Entity(contentType);
        if (_open + _messageDepth >= maxDepth - 1)
        {
            Cause ??= "MIME nesting is too deep";
        }

        if (_open == _children.Length)
        {
            var more = new int[_open * 2];
            Array.Copy(_children, more, _open);
            _children = more;
        }

        _children[_open++] = 0;
        _preamble.Clear();
    }

    protected override void OnMultipartPreambleRead(byte[] content, int startIndex, int count, CancellationToken cancellationToken)
    {
        if (_messageDepth == 1 && _preamble.Length < PartSink.MaxTextChars)
        {
            _preamble.Append(System.Text.Encoding.UTF8.GetString(content, startIndex, Math.Min(count, PartSink.MaxTextChars)));
        }
    }

    protected override void OnMultipartEnd(ContentType contentType, long beginOffset, int beginLineNumber, long headersEndOffset, long endOffset, int lines, CancellationToken cancellationToken)
    {
        // A boundary that never occurs in the body (seen in real Postfix relays): read the whole body as text.
        if (_children[--_open] == 0 && _messageDepth == 1 && _mail.Text.Length + _preamble.Length <= PartSink.MaxTextChars)
        {
            _mail.Text.Append(_preamble).Append('\n');
        }
    }

    protected override void OnMessagePartBegin(ContentType contentType, long beginOffset, int beginLineNumber, CancellationToken cancellationToken) =>
        Entity(contentType);

    protected override void OnMimePartBegin(ContentType contentType, long beginOffset, int beginLineNumber, CancellationToken cancellationToken)
    {
        Entity(contentType);
        _partType = null;
        var type = contentType.MimeType.ToLowerInvariant();
        var nestedReport = _messageDepth == 2 && type is "message/delivery-status" or "message/global-delivery-status";
        if ((_messageDepth != 1 || !PartSink.Wanted(type)) && !nestedReport)
        {
            return;
        }

        _partType = contentType;
        _partEncoding = ContentEncoding.Default;
        _partAttachment = false;
        foreach (var header in _headers)
        {
            if (header.Id == HeaderId.ContentTransferEncoding)
            {
                _partEncoding = MimeUtils.TryParse(header.Value, out ContentEncoding e) ? e : ContentEncoding.Default;
            }
            else if (header.Id == HeaderId.ContentDisposition)
            {
                _partAttachment = header.Value.TrimStart().StartsWith("attachment", StringComparison.OrdinalIgnoreCase);
            }
        }

        _buffer ??= new byte[8192];
        _length = 0;
    }

    protected override void OnMimePartContentRead(byte[] content, int startIndex, int count, CancellationToken cancellationToken)
    {
        if (_partType is null || _length + count > MaxPartBytes)
        {
            return;
        }

        if (_buffer!.Length < _length + count)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + count));
        }

        Buffer.BlockCopy(content, startIndex, _buffer, _length, count);
        _length += count;
    }

    protected override void OnMimePartEnd(ContentType contentType, long beginOffset, int beginLineNumber, long headersEndOffset, long endOffset, int lines, CancellationToken cancellationToken)
    {
        if (_partType is not { } type)
        {
            return;
        }

        _partType = null;
        if (_partEncoding == ContentEncoding.Base64 && ContentDecoder.IsBrokenBase64(_buffer.AsSpan(0, _length)))
        {
            _mail.Problems.Add("broken base64 content");
        }

        var charset = type.Charset;
        if (!string.IsNullOrEmpty(charset) && ContentDecoder.Charset(charset) is null)
        {
            _mail.Problems.Add($"unknown charset {charset}");
        }

        var bytes = ContentDecoder.Decode(_buffer!, _length, _partEncoding);
        if (_messageDepth == 2)
        {
            _mail.NestedDeliveryStatus.Add(ContentDecoder.Text(bytes, charset));
            return;
        }

        PartSink.Accept(_mail, type.MimeType.ToLowerInvariant(), _partAttachment, () => ContentDecoder.Text(bytes, charset));
    }

    private void Entity(ContentType contentType)
    {
        if (_open > 0)
        {
            _children[_open - 1]++;
        }

        if (++_parts > maxParts)
        {
            Cause ??= "too many MIME parts";
        }

        if (_topEntity)
        {
            _topEntity = false;
            _mail.ContentType = contentType.MimeType.ToLowerInvariant();
            _mail.ReportType = contentType.Parameters["report-type"]?.ToLowerInvariant() ?? "";
        }
    }
}
