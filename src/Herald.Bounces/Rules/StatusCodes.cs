using System.Text.RegularExpressions;

namespace Herald.Bounces.Rules;

/// <summary>RFC 3463 enhanced status codes: what each one says about the reason, and finding them in text.</summary>
internal static partial class StatusCodes
{
    // RFC 3463 / IANA registry subjects mapped to the reason they most often mean in practice (same reading as
    // Sisimai's smtp/status table, e.g. 5.7.1 is "security or policy", 5.2.1 "mailbox disabled" is filtered).
    // Plain dictionaries, not frozen ones: building a FrozenDictionary JIT-compiles large generic code the precompiled
    // image lacks, which a one-shot `herald explain` paid at start-up (issue 14); lookups here are few per email.
    private static readonly ReasonTable Names = new()
    {
        ["2.1.5"] = Reason.Delivered,
        ["4.1.6"] = Reason.HasMoved, ["4.1.7"] = Reason.Rejected, ["4.1.8"] = Reason.Rejected,
        ["4.1.9"] = Reason.SystemError, ["4.2.1"] = Reason.Blocked, ["4.2.2"] = Reason.MailboxFull,
        ["4.2.3"] = Reason.ExceedLimit, ["4.2.4"] = Reason.Filtered, ["4.3.1"] = Reason.SystemFull,
        ["4.3.2"] = Reason.NotAccept, ["4.3.3"] = Reason.SystemError, ["4.3.5"] = Reason.SystemError,
        ["4.4.1"] = Reason.Expired, ["4.4.2"] = Reason.NetworkError, ["4.4.3"] = Reason.SystemError,
        ["4.4.4"] = Reason.NetworkError, ["4.4.5"] = Reason.SystemFull, ["4.4.6"] = Reason.NetworkError,
        ["4.4.7"] = Reason.Expired, ["4.4.8"] = Reason.NetworkError, ["4.5.3"] = Reason.SystemError,
        ["4.5.5"] = Reason.SystemError, ["4.6.0"] = Reason.ContentError, ["4.6.2"] = Reason.ContentError,
        ["4.6.5"] = Reason.ContentError, ["4.7.1"] = Reason.Blocked, ["4.7.2"] = Reason.Blocked,
        ["4.7.5"] = Reason.SecurityError, ["4.7.6"] = Reason.SecurityError, ["4.7.7"] = Reason.SecurityError,
        ["4.7.12"] = Reason.SecurityError, ["4.7.15"] = Reason.SecurityError, ["4.7.16"] = Reason.MesgTooBig,
        ["4.7.24"] = Reason.AuthFailure, ["4.7.25"] = Reason.RequirePtr, ["4.7.26"] = Reason.AuthFailure,
        ["5.1.0"] = Reason.UserUnknown, ["5.1.1"] = Reason.UserUnknown, ["5.1.2"] = Reason.HostUnknown,
        ["5.1.3"] = Reason.UserUnknown, ["5.1.4"] = Reason.Filtered, ["5.1.6"] = Reason.HasMoved,
        ["5.1.7"] = Reason.Rejected, ["5.1.8"] = Reason.Rejected, ["5.1.9"] = Reason.SystemError,
        ["5.1.10"] = Reason.NotAccept, ["5.2.0"] = Reason.Filtered, ["5.2.1"] = Reason.Filtered,
        ["5.2.2"] = Reason.MailboxFull, ["5.2.3"] = Reason.ExceedLimit, ["5.2.4"] = Reason.Filtered,
        ["5.3.0"] = Reason.SystemError, ["5.3.1"] = Reason.SystemFull, ["5.3.2"] = Reason.NotAccept,
        ["5.3.3"] = Reason.SystemError, ["5.3.4"] = Reason.MesgTooBig, ["5.3.5"] = Reason.SystemError,
        ["5.4.0"] = Reason.NetworkError, ["5.4.3"] = Reason.SystemError, ["5.4.4"] = Reason.HostUnknown,
        ["5.5.2"] = Reason.SyntaxError, ["5.5.3"] = Reason.TooManyConn, ["5.5.4"] = Reason.SystemError,
        ["5.5.5"] = Reason.SystemError, ["5.5.6"] = Reason.SyntaxError,
        ["5.6.0"] = Reason.ContentError, ["5.6.1"] = Reason.ContentError, ["5.6.2"] = Reason.ContentError,
        ["5.6.3"] = Reason.ContentError, ["5.6.5"] = Reason.ContentError, ["5.6.6"] = Reason.ContentError,
        ["5.6.7"] = Reason.ContentError, ["5.6.8"] = Reason.ContentError, ["5.6.9"] = Reason.ContentError,
        ["5.7.0"] = Reason.SecurityError, ["5.7.1"] = Reason.SecurityError, ["5.7.2"] = Reason.SecurityError,
        ["5.7.3"] = Reason.SecurityError, ["5.7.4"] = Reason.SecurityError, ["5.7.5"] = Reason.SecurityError,
        ["5.7.6"] = Reason.SecurityError, ["5.7.7"] = Reason.SecurityError, ["5.7.8"] = Reason.SecurityError,
        ["5.7.9"] = Reason.SecurityError, ["5.7.10"] = Reason.SecurityError, ["5.7.11"] = Reason.SecurityError,
        ["5.7.13"] = Reason.Suspend, ["5.7.14"] = Reason.SecurityError, ["5.7.15"] = Reason.SecurityError,
        ["5.7.16"] = Reason.MesgTooBig, ["5.7.17"] = Reason.HasMoved, ["5.7.18"] = Reason.HasMoved,
        ["5.7.19"] = Reason.SecurityError, ["5.7.20"] = Reason.AuthFailure, ["5.7.21"] = Reason.AuthFailure,
        ["5.7.22"] = Reason.AuthFailure, ["5.7.23"] = Reason.AuthFailure, ["5.7.24"] = Reason.AuthFailure,
        ["5.7.25"] = Reason.RequirePtr, ["5.7.26"] = Reason.AuthFailure, ["5.7.27"] = Reason.NotAccept,
        ["5.7.28"] = Reason.SpamDetected, ["5.7.29"] = Reason.AuthFailure, ["5.7.30"] = Reason.FailedStartTls,
    };

    // Where no status code was given, the record carries a code that names the reason (Sisimai's
    // "5.0.9xx" convention) so that downstream tables can still group by status.
    // A switch, not a Dictionary<Reason, int>: that generic over our enum is in no ReadyToRun image (ReasonTable).
    private static int Internal(Reason reason) => reason switch
    {
        Reason.AuthFailure => 926,
        Reason.BadReputation => 975,
        Reason.Blocked => 971,
        Reason.ContentError => 960,
        Reason.ExceedLimit => 923,
        Reason.Expired => 947,
        Reason.FailedStartTls => 976,
        Reason.Filtered => 910,
        Reason.HasMoved => 916,
        Reason.HostUnknown => 912,
        Reason.MailboxFull => 922,
        Reason.MailerError => 939,
        Reason.MesgTooBig => 934,
        Reason.NetworkError => 944,
        Reason.NoRelaying => 909,
        Reason.NotAccept => 932,
        Reason.NotCompliantRfc => 974,
        Reason.OnHold => 901,
        Reason.PolicyViolation => 972,
        Reason.Rejected => 918,
        Reason.RequirePtr => 973,
        Reason.SecurityError => 970,
        Reason.SpamDetected => 980,
        Reason.Speeding => 946,
        Reason.Suppressed => 903,
        Reason.Suspend => 921,
        Reason.SystemError => 930,
        Reason.SystemFull => 931,
        Reason.SyntaxError => 902,
        Reason.TooManyConn => 945,
        Reason.UserUnknown => 911,
        Reason.Undefined => 900,
        Reason.VirusDetected => 981,
        _ => 0,
    };


    public static Reason? NameOf(string status) =>
        status.Length >= 5 && Names.TryGetValue(status, out var reason) ? reason : null;

    public static string InternalCode(Reason reason, bool temporary)
    {
        var code = Internal(reason);
        if (code == 0)
        {
            return "";
        }

        // A temporary hard-bounce reason does not exist: the address is either bad or it is not.
        if (temporary && reason is Reason.UserUnknown or Reason.HostUnknown or Reason.HasMoved)
        {
            return "";
        }

        return (temporary ? "4.0." : "5.0.") + code.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The status code a diagnostic text stands for. A text often holds several (a gateway's own code, then the
    /// remote server's: "5.1.0 - Unknown address error 550-'5.2.2 Mailbox Full'"); vague ones (X.0.0, 4.4.7)
    /// count only when nothing else is there, and the rest are weighed with <see cref="Prefer"/>. A transcript
    /// shows the successful steps too ("250 2.1.5 Ok"); a 2.X.X code counts only when there is no other.
    /// </summary>
    public static string Find(string text)
    {
        string? chosen = null;
        string? vague = null;
        string? success = null;
        for (var m = StatusPattern().Match(text); m.Success; m = m.NextMatch())
        {
            var code = m.Groups[1].Value;
            if (code[2] > '7' || IsVersion(text, m.Groups[1].Index, code.Length))
            {
                continue;
            }

            if (code[0] == '2')
            {
                success ??= code;
            }
            else if (code.AsSpan(1).StartsWith(".0.0") || code == "4.4.7")
            {
                vague = code;
            }
            else
            {
                chosen = chosen is null ? code : Prefer(chosen, code, "");
            }
        }

        if (vague is not null)
        {
            chosen = chosen is null ? vague : Prefer(chosen, vague, "");
        }

        return chosen ?? success ?? OutOfRange(text);
    }

    // Some gateways use subjects outside RFC 3463's 0-7 ("5.9.210"); such a code counts only when it is alone.
    private static string OutOfRange(string text)
    {
        var m = WideStatusPattern().Match(text);
        return m.Success && !IsVersion(text, m.Groups[1].Index, m.Groups[1].Length) ? m.Groups[1].Value : "";
    }

    // SearchValues: string.Contains with OrdinalIgnoreCase is a scalar loop under invariant globalization (EmailPipeline).
    private static readonly System.Buffers.SearchValues<string> RetryTimeouts = System.Buffers.SearchValues.Create(
        ["retry timeout exceeded", "technical details of temporary failure", "failing for a long time"], StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the text reads as a temporary failure: a 4xx reply in it, or a retry timeout.</summary>
    public static bool LooksTemporary(string text)
    {
        // Exim's retry timeouts are temporary failures that ran out of time.
        if (text.AsSpan().ContainsAny(RetryTimeouts))
        {
            return true;
        }

        var m = AnyReplyPattern().Match(text);
        return m.Success && m.Groups[1].Value[0] == '4';
    }

    /// <summary>The first SMTP reply code that starts the text or follows "said:" / a host, or "".</summary>
    public static string FindReplyCode(string text)
    {
        var first = "";
        for (var m = ReplyPattern().Match(text); m.Success; m = m.NextMatch())
        {
            if (m.Groups[1].Value[0] != '2')
            {
                return m.Groups[1].Value;
            }

            first = first.Length == 0 ? m.Groups[1].Value : first;
        }

        return first;
    }

    /// <summary>
    /// Chooses between the Status: field and the code found in the diagnostic text. The field wins unless it is
    /// vague (X.0.0, X.Y.0) or ambiguous (4.4.7, 4.7.0, 5.3.Z, X.5.Z) and the text is more specific; when their
    /// classes differ, the one agreeing with the reply code wins.
    /// </summary>
    public static string Prefer(string field, string inText, string reply)
    {
        if (field.Length < 5)
        {
            return inText.Length >= 5 ? inText : field;
        }

        if (inText.Length < 5 || inText == field)
        {
            return field;
        }

        if (reply.Length > 0 && field[0] != inText[0])
        {
            if (reply[0] == field[0])
            {
                return field;
            }

            if (reply[0] == inText[0])
            {
                return inText;
            }
        }

        var textVague = inText.Contains(".0.0", StringComparison.Ordinal);
        if (field.Contains(".0.0", StringComparison.Ordinal))
        {
            return textVague ? field : inText;
        }

        if (field.Contains(".0", StringComparison.Ordinal) && !inText.Contains(".0", StringComparison.Ordinal))
        {
            return inText;
        }

        if (textVague)
        {
            return field;
        }

        if (field is "4.4.7" or "4.7.0" || field.StartsWith("5.3.", StringComparison.Ordinal)
            || field.AsSpan(1).StartsWith(".5.1") || field.AsSpan(1).StartsWith(".5.2") || field.AsSpan(1).StartsWith(".5.4")
            || field.AsSpan(1).StartsWith(".5.5"))
        {
            return inText;
        }

        if (field == "5.1.1")
        {
            return inText.Contains(".0", StringComparison.Ordinal) || inText.StartsWith("5.5.", StringComparison.Ordinal) ? field : inText;
        }

        return field == "5.1.3" && inText.StartsWith("5.7.", StringComparison.Ordinal) ? inText : field;
    }

    public static bool IsValid(string status) => ValidPattern().IsMatch(status);

    /// <summary>A code Herald made up to name a reason (X.0.9NN, <see cref="InternalCode"/>), not one a server sent.</summary>
    public static bool IsInternal(string status) =>
        status.Length == 7 && status[0] is '4' or '5' && status.AsSpan(1).StartsWith(".0.9", StringComparison.Ordinal);

    /// <summary>
    /// A dotted number that is a version, not a status code: "version 2.1.5", "v5.1.1", "release 2.0.0", "Foo/5.1.1",
    /// "(build 4.4.7)". RFC 3463 codes stand after a reply code, a field name or at the start of a sentence; a product
    /// version stands after one of these words or next to a '/'.
    /// </summary>
    private static bool IsVersion(string text, int index, int length)
    {
        if (index > 0 && text[index - 1] is '/' or 'v' or 'V' || (index + length < text.Length && text[index + length] == '/'))
        {
            return true;
        }

        var before = text.AsSpan(Math.Max(0, index - 12), Math.Min(index, 12)).TrimEnd(" :#(");
        foreach (var word in VersionWords)
        {
            if (before.EndsWith(word, StringComparison.OrdinalIgnoreCase)
                && (before.Length == word.Length || !char.IsLetter(before[before.Length - word.Length - 1])))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] VersionWords = ["version", "ver.", "ver", "release", "build", "revision", "rev.", "rev"];

    [GeneratedRegex(@"(?<![\w.])([245]\.[0-7]\.\d{1,3})(?![\w.]*\w)", RegexOptions.CultureInvariant)]
    private static partial Regex StatusPattern();

    [GeneratedRegex(@"(?<![\w.:\-#])([245][0-5]\d)(?=[ \-]|$)", RegexOptions.CultureInvariant)]
    private static partial Regex ReplyPattern();

    [GeneratedRegex(@"(?<![\w.\-#])([45][0-5]\d)(?![\w.])", RegexOptions.CultureInvariant)]
    private static partial Regex AnyReplyPattern();

    [GeneratedRegex(@"(?<![\w.])([45]\.[89]\.\d{1,3})(?![\w.]*\w)", RegexOptions.CultureInvariant)]
    private static partial Regex WideStatusPattern();

    [GeneratedRegex(@"^[245]\.\d{1,3}\.\d{1,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex ValidPattern();
}
