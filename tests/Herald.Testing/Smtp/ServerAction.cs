namespace Herald.Testing.Smtp;

/// <summary>What the scripted server does in answer to one command.</summary>
internal abstract record ServerAction
{
    public sealed record Reply(string Text) : ServerAction;

    /// <summary>Reply, then close the connection (Postfix's "421 4.4.2 timeout exceeded").</summary>
    public sealed record ReplyThenClose(string Text) : ServerAction;

    /// <summary>Close without a word.</summary>
    public sealed record Close : ServerAction;

    /// <summary>Never answer (until the client gives up or the test ends).</summary>
    public sealed record Stall : ServerAction;

    /// <summary>Wait, then do <paramref name="Then"/> (null: the default reply). A slow server that still answers.</summary>
    public sealed record Delay(TimeSpan Time, ServerAction? Then = null) : ServerAction;

    /// <summary>To DATA only: 354, read the first line of content, then close.</summary>
    public sealed record DropDuringData : ServerAction;
}
