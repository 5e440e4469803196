using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using MimeKit;
using MimeKit.Encodings;

namespace Herald.Bounces.Readers;

/// <summary>Content-Transfer-Encoding (MimeKit's decoders) and charset decoding of a part's raw bytes.</summary>
internal static class ContentDecoder
{
    private static readonly ConcurrentDictionary<string, Encoding?> Charsets = new(StringComparer.OrdinalIgnoreCase);

    private static readonly SearchValues<byte> Base64Bytes =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/= \t\r\n"u8);

    // Legacy charsets (ISO-2022-JP, Shift_JIS, windows-125x) are common in bounces; .NET ships them as a provider.
    static ContentDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static bool IsBrokenBase64(ReadOnlySpan<byte> raw) => raw.IndexOfAnyExcept(Base64Bytes) >= 0;

    public static byte[] Decode(byte[] raw, int length, ContentEncoding encoding)
    {
        IMimeDecoder? decoder = encoding switch
        {
            ContentEncoding.Base64 => new Base64Decoder(),
            ContentEncoding.QuotedPrintable => new QuotedPrintableDecoder(),
            _ => null,
        };
        if (decoder is null)
        {
            return raw.AsSpan(0, length).ToArray();
        }

        var output = new byte[decoder.EstimateOutputLength(length)];
        var n = decoder.Decode(raw, 0, length, output);
        Array.Resize(ref output, n);
        return output;
    }

    /// <summary>The encoding for a charset name, or null when .NET does not know it.</summary>
    public static Encoding? Charset(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return Encoding.UTF8;
        }

        return Charsets.GetOrAdd(name.Trim().Trim('"'), static n =>
        {
            try
            {
                return Encoding.GetEncoding(n);
            }
            catch (NotSupportedException)
            {
                // Known but disabled in .NET (UTF-7): read it as UTF-8, which keeps its ASCII.
                return Encoding.UTF8;
            }
            catch (ArgumentException)
            {
                return null;
            }
        });
    }

    public static string Text(byte[] bytes, string? charset) => (Charset(charset) ?? Encoding.UTF8).GetString(bytes);
}
