namespace Herald.Core.Doctor;

/// <summary>The record types the doctor asks for.</summary>
public enum DnsRecordType
{
    Mx,
    Txt,
    A,
    Aaaa,
    /// <summary>PTR: the name of an address (reverse DNS).</summary>
    Reverse,
}
