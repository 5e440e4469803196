using System.Text.Json;
using Herald.Core.Catalogue;

namespace Herald.Core.Messages;

public sealed record ValidatedSubmission(NotificationType Type, string To, JsonElement Data, string? IdempotencyKey, string RequestHash);
