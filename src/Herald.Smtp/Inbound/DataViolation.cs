namespace Herald.Smtp.Inbound;

/// <summary>Why message data is refused after DATA, before it reaches the sink.</summary>
internal enum DataViolation
{
    None,
    BareLineEnding,
    LineTooLong,
}
