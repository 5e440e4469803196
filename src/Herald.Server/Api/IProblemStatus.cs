namespace Herald.Server.Api;

/// <summary>The HTTP status of a <see cref="ProblemResult{TSelf}"/> type.</summary>
internal interface IProblemStatus
{
    static abstract int Status { get; }
}
