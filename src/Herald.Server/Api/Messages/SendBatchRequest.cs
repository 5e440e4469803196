namespace Herald.Server.Api.Messages;

/// <summary>The body of <c>POST /v1/messages/batch</c> (documented in OpenAPI; parsed by hand for precise errors).</summary>
/// <param name="Messages">1 to 500 messages, each exactly as the body of <c>POST /v1/messages</c>.</param>
public sealed record SendBatchRequest(IReadOnlyList<SendMessageRequest> Messages);
