namespace Herald.Core.Doctor;

/// <param name="Checked">What was checked and passed, in words (so a clean report still says what it looked at).</param>
public sealed record SenderReport(IReadOnlyList<Cause> Causes, IReadOnlyList<string> Checked)
{
    public bool Healthy => Causes.Count == 0;
}
