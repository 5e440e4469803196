namespace Herald.Server.Configuration;

/// <summary><c>Herald:Layout</c>: the frame of every email (header, footer), replaced once for the whole catalogue.</summary>
public sealed class LayoutOptions
{
    /// <summary>The name in the header and footer of every email ("Acme").</summary>
    public string ProductName { get; set; } = "Herald";

    /// <summary>
    /// A folder with <c>layout.html</c> and/or <c>layout.txt</c> (Liquid) that replace the shipped ones; a file it does not
    /// hold stays the shipped one. Unset: the shipped layout.
    /// </summary>
    public string? Folder { get; set; }
}
