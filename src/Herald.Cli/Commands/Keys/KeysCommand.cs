using System.CommandLine;
using Herald.Core.Access;
using Herald.Server.Configuration;
using Herald.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Cli.Commands.Keys;

/// <summary>
/// <c>herald keys create|list|revoke</c>, directly on the store that <c>herald serve</c> uses (same settings: appsettings.json,
/// environment, --Herald:...=...), so the first key exists before the API can be called. A running server sees a new
/// key at once and a revocation within <see cref="ApiKeyService.CacheFor"/>.
/// </summary>
internal static class KeysCommand
{
    public static Command Create()
    {
        var command = new Command("keys", "Create, list and revoke API keys (on the store; works while Herald runs).");
        command.Subcommands.Add(CreateKey());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Revoke());
        return command;
    }

    private static Command CreateKey()
    {
        var name = new Option<string>("--name") { Description = "Who holds the key (named in every audit entry)", Required = true };
        var scopes = new Option<string>("--scopes") { Description = $"Comma-separated: {string.Join(",", Scopes.All)}", Required = true };
        var command = new Command("create", "Create a key and print it once: it is stored hashed and cannot be shown again.") { name, scopes };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, ct) =>
        {
            await using var services = HeraldAdministration.Open(HeraldConfiguration.Load(parse.UnmatchedTokens.ToArray(), null));
            var keys = services.GetRequiredService<ApiKeyService>();
            switch (await keys.CreateAsync(parse.GetValue(name), parse.GetValue(scopes)!.Split(','), ct))
            {
                case KeyCreation.Created created:
                    await parse.InvocationConfiguration.Output.WriteLineAsync(created.Token);
                    await parse.InvocationConfiguration.Error.WriteLineAsync(
                        $"Key {created.Key.Id} for '{created.Key.Name}' ({string.Join(",", created.Key.Scopes)}). Copy it now: it is not shown again. " +
                        "Send it as 'Authorization: Bearer <key>' (the CLI reads HERALD_KEY).");
                    return ExitCodes.Ok;
                case KeyCreation.Invalid invalid:
                    foreach (var (field, problems) in invalid.Errors)
                    {
                        await parse.InvocationConfiguration.Error.WriteLineAsync($"--{field}: {string.Join("; ", problems)}");
                    }

                    return ExitCodes.Usage;
                default:
                    throw new InvalidOperationException("unknown key creation result");
            }
        });
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "Every key (id, name, scopes, created, revoked), never the secrets.");
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, ct) =>
        {
            await using var services = HeraldAdministration.Open(HeraldConfiguration.Load(parse.UnmatchedTokens.ToArray(), null));
            foreach (var k in await services.GetRequiredService<ApiKeyService>().ListAsync(ct))
            {
                await parse.InvocationConfiguration.Output.WriteLineAsync(
                    $"{k.Id}  {k.Name,-24} {string.Join(",", k.Scopes),-36} created {k.CreatedAt:u}{(k.RevokedAt is { } r ? $"  revoked {r:u}" : "")}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Revoke()
    {
        var id = new Argument<string>("id") { Description = "The key's id (the part after hk_ and before the next _)" };
        var command = new Command("revoke", "Revoke a key: calls with it are refused (401) from now on.") { id };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, ct) =>
        {
            await using var services = HeraldAdministration.Open(HeraldConfiguration.Load(parse.UnmatchedTokens.ToArray(), null));
            if (await services.GetRequiredService<ApiKeyService>().RevokeAsync(parse.GetValue(id)!, ct))
            {
                await parse.InvocationConfiguration.Output.WriteLineAsync($"Key {parse.GetValue(id)} revoked.");
                return ExitCodes.Ok;
            }

            await parse.InvocationConfiguration.Error.WriteLineAsync($"No active key has the id '{parse.GetValue(id)}'.");
            return ExitCodes.Rejected;
        });
        return command;
    }
}
