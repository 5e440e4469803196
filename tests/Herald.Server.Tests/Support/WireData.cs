using System.Text;

namespace Herald.Server.Tests.Support;

/// <summary>Turns DATA as sent on the wire into the message a receiver stores (RFC 5321 4.5.2: drop the final "." line, unstuff leading dots).</summary>
internal static class WireData
{
    public static byte[] ToMessage(byte[] data)
    {
        var text = Encoding.Latin1.GetString(data);
        if (text.EndsWith("\r\n.\r\n", StringComparison.Ordinal))
        {
            text = text[..^3];
        }

        var lines = text.Split("\r\n");
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith('.'))
            {
                lines[i] = lines[i][1..];
            }
        }

        return Encoding.Latin1.GetBytes(string.Join("\r\n", lines));
    }
}
