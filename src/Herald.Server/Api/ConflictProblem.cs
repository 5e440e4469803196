using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Herald.Server.Api;

/// <summary>409 with a ProblemDetails as <c>application/problem+json</c>.</summary>
internal sealed class ConflictProblem(ProblemDetails problem) : ProblemResult<ConflictProblem>(problem), IProblemStatus
{
    public static int Status => StatusCodes.Status409Conflict;
}
