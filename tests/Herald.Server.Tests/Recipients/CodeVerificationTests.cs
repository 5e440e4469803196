using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Herald.Server.Tests.Support;

namespace Herald.Server.Tests.Recipients;

/// <summary>When the catalogue's verification type has a <c>code</c> field, the email also carries a 6-digit code.</summary>
public sealed partial class CodeVerificationTests : HostedHeraldTests
{
    private protected override Task<HeraldTestHost> StartHostAsync(int smtpPort)
    {
        const string type = "Herald:Catalogue:code-validation:";
        return HeraldTestHost.StartAsync(smtpPort, new Dictionary<string, string?>
        {
            [type + "Category"] = "account-validation",
            [type + "Priority"] = "critical",
            [type + "TimeToLive"] = "1.00:00:00",
            [type + "Fields:link:Secret"] = "true",
            [type + "Fields:code:Secret"] = "true",
            [type + "Subject"] = "Confirm your address",
            [type + "Text"] = "Your code: {{ code }}\nOr open {{ link }}\n",
            ["Herald:Recipients:PrimaryVerificationType"] = "code-validation",
        });
    }

    private async Task<HttpStatusCode> VerifyAsync(string id, string address, string code)
    {
        using var response = await Host.Http.PostAsJsonAsync($"/v1/recipients/{id}/addresses/{Uri.EscapeDataString(address)}/verify", new { code });
        return response.StatusCode;
    }

    [Fact]
    public async Task The_code_verifies_its_own_address_once_and_never_another()
    {
        await Host.CreateAsync("c-1", "code-a@example.com");
        await Host.CreateAsync("c-2", "code-b@example.com");
        (await Host.RequestVerificationAsync("c-1", "code-a@example.com")).Status.ShouldBe(HttpStatusCode.Accepted);
        var code = Code().Match((await Smtp.WaitForMailAsync("code-a@example.com")).TextBody!).Groups[1].Value;
        code.Length.ShouldBe(6);

        (await VerifyAsync("c-2", "code-b@example.com", code)).ShouldBe(HttpStatusCode.BadRequest);
        (await VerifyAsync("c-1", "code-a@example.com", code)).ShouldBe(HttpStatusCode.OK);
        (await VerifyAsync("c-1", "code-a@example.com", code)).ShouldBe(HttpStatusCode.BadRequest);

        var addresses = (await Host.GetRecipientAsync("c-2")).GetProperty("addresses").EnumerateArray().Single();
        addresses.GetProperty("verification").GetString().ShouldBe("unverified");
        (await Host.GetRecipientAsync("c-1")).GetProperty("addresses")[0].GetProperty("verifiedBy").GetString().ShouldBe("code");
    }

    [GeneratedRegex(@"Your code: (\d{6})")]
    private static partial Regex Code();
}
