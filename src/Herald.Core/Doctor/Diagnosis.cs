namespace Herald.Core.Doctor;

/// <summary>The doctor's report on one subject.</summary>
/// <param name="Subject">What was asked (address, recipient id or message id), as given.</param>
/// <param name="Addresses">One report per address of the subject.</param>
public sealed record Diagnosis(string Subject, string? RecipientId, IReadOnlyList<AddressDiagnosis> Addresses)
{
    public bool Healthy => Addresses.All(a => a.Causes.Count == 0);
}
