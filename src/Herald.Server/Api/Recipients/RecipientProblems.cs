using Herald.Core.Recipients;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Herald.Server.Api.Recipients;

/// <summary>RFC 9457 answers shared by the recipient endpoints.</summary>
internal static class RecipientProblems
{
    public static ProblemDetails NoRecipient(string id) =>
        new() { Status = StatusCodes.Status404NotFound, Title = "No such recipient", Detail = $"No recipient has the id '{id}'." };

    public static ProblemDetails NoAddress(string id, string address) =>
        new() { Status = StatusCodes.Status404NotFound, Title = "No such address", Detail = $"Recipient '{id}' has no address {address}." };

    public static ProblemDetails Conflict(string reason) =>
        new() { Status = StatusCodes.Status409Conflict, Title = "The change conflicts with the recipient's state", Detail = reason };

    public static ProblemDetails For(RecipientChange change, string id, string? address) => change switch
    {
        RecipientChange.NoRecipient => NoRecipient(id),
        RecipientChange.NoAddress => NoAddress(id, address ?? ""),
        RecipientChange.Conflict c => Conflict(c.Reason),
        _ => throw new ArgumentOutOfRangeException(nameof(change), change, null),
    };
}
