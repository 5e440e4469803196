namespace Herald.Bounces.Readers;

/// <summary>Whether a text reader takes mailer-daemon@, postmaster@ and similar addresses as recipients.</summary>
internal enum DaemonAddresses
{
    /// <summary>They sign the bounce rather than fail: skip them (the default reading).</summary>
    Skipped,

    /// <summary>Mail to oneself or to postmaster: they are the only addresses the text names.</summary>
    Recipients,
}
