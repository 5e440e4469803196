namespace Herald.Smtp.Outbound.Dkim;

/// <summary>DKIM keys, one per From domain. A message whose From domain has no key is sent unsigned.</summary>
public sealed class DkimOptions
{
    public List<DkimKeyOptions> Keys { get; } = [];
}
