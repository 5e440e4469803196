using System.Security.Cryptography;
using System.Text.Json;

namespace Herald.Core.Messages;

/// <summary>
/// Fixes everything about a message at enqueue time: its id, its RFC 5322 Message-ID (reused on every attempt,
/// so duplicates from an at-least-once retry are recognisable) and its per-message Return-Path (VERP) on the
/// bounce domain, from which a bounce finds its message again; and its route, the type's unless the recipient's
/// domain has one of its own (<see cref="DomainRoutes"/>).
/// </summary>
public sealed class MessageFactory(TimeProvider time, string messageIdDomain, string bounceDomain, DomainRoutes? routes = null)
{
    private const string Base32 = "0123456789abcdefghjkmnpqrstvwxyz"; // Crockford's alphabet, lower case

    private readonly DomainRoutes _routes = routes ?? DomainRoutes.None;

    public NewMessage Create(ValidatedSubmission submission)
    {
        var now = time.GetUtcNow();
        var id = NewId(now);
        var type = submission.Type;
        return new NewMessage(
            Id: id,
            Type: type.Key,
            Category: type.Category,
            Priority: type.Priority,
            To: submission.To,
            DataJson: JsonSerializer.Serialize(submission.Data),
            SecretFields: type.SecretFields,
            IdempotencyKey: submission.IdempotencyKey,
            RequestHash: submission.RequestHash,
            CreatedAt: now,
            ExpiresAt: now + type.TimeToLive,
            MessageIdHeader: $"{id}@{messageIdDomain}",
            ReturnPath: $"b-{RandomToken(20)}@{bounceDomain}",
            Route: _routes.For(submission.To, type.Sender.Route),
            RateLimit: type.RateLimit);
    }

    /// <summary>A ULID-like id: 48-bit millisecond time then 80 random bits, so ids sort by creation time.</summary>
    public static string NewId(DateTimeOffset now)
    {
        Span<char> chars = stackalloc char[26];
        var ms = (ulong)now.ToUnixTimeMilliseconds();
        for (var i = 9; i >= 0; i--)
        {
            chars[i] = Base32[(int)(ms & 31)];
            ms >>= 5;
        }

        Span<byte> random = stackalloc byte[16];
        RandomNumberGenerator.Fill(random);
        for (var i = 10; i < 26; i++)
        {
            chars[i] = Base32[random[i - 10] & 31];
        }

        return "msg_" + new string(chars);
    }

    /// <summary>An unguessable token (5 bits a character) so nobody can forge a bounce for someone else's message.</summary>
    public static string RandomToken(int length)
    {
        Span<byte> random = stackalloc byte[length];
        RandomNumberGenerator.Fill(random);
        return string.Create(length, random.ToArray(), static (span, bytes) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Base32[bytes[i] & 31];
            }
        });
    }
}
