namespace Herald.Server.Recipients;

/// <summary>What <see cref="TokenKeys.Load"/> may do when the key file is missing or present.</summary>
internal enum TokenKeyMode
{
    /// <summary>A new store: a missing key file is generated (nothing was signed with the old one that still matters).</summary>
    CreateIfMissing,

    /// <summary>An existing store: the key signed every link already sent, so a missing file stops start-up.</summary>
    MustExist,

    /// <summary><c>herald serve --rotate-token-key</c>: a new key replaces the file, present or not.</summary>
    Rotate,
}
