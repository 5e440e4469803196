using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Herald.Server.Api;

/// <summary>404 with a ProblemDetails as <c>application/problem+json</c>.</summary>
internal sealed class NotFoundProblem(ProblemDetails problem) : ProblemResult<NotFoundProblem>(problem), IProblemStatus
{
    public static int Status => StatusCodes.Status404NotFound;
}
