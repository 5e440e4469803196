namespace Herald.Core.Messages;

/// <summary>Validation outcome: the submission, or the problems keyed by field path (e.g. <c>data.code</c>).</summary>
public sealed record SubmissionResult(ValidatedSubmission? Submission, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Submission is not null;
}
