namespace Herald.Core.Doctor;

/// <summary>
/// The DNS, as the doctor sees it: one question, one answer as a value. Time-outs and server failures are answers too
/// (<see cref="DnsStatus"/>), never exceptions, because "the domain's DNS does not answer" is itself a diagnosis.
/// </summary>
public interface IDnsQuery
{
    Task<DnsAnswer> QueryAsync(string name, DnsRecordType type, CancellationToken cancellationToken);
}
