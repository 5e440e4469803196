using MimeKit;

namespace Herald.Bounces.Readers;

/// <summary>
/// A plain list of header fields with first-match lookup. MimeKit's HeaderList keeps an index and change
/// events that bounce reading never needs; a list of a few dozen fields is searched faster than it is indexed.
/// </summary>
internal sealed class MailHeaders
{
    private readonly List<Header> _fields;

    public MailHeaders(IEnumerable<Header> fields) => _fields = [.. fields];

    /// <summary>Takes ownership of the list (no copy).</summary>
    public MailHeaders(List<Header> fields) => _fields = fields;

    public IReadOnlyList<Header> Fields => _fields;

    public string? this[HeaderId id]
    {
        get
        {
            foreach (var field in _fields)
            {
                if (field.Id == id)
                {
                    return field.Value;
                }
            }

            return null;
        }
    }

    public string? this[string name]
    {
        get
        {
            foreach (var field in _fields)
            {
                if (field.Field.Equals(name, StringComparison.OrdinalIgnoreCase))
                {
                    return field.Value;
                }
            }

            return null;
        }
    }

    public bool Contains(string name) => this[name] is not null;
}
