using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Herald.Server.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Herald.Server.Tests.Recipients;

/// <summary>Address verification by link, with Herald's clock faked so that a day passes in no time.</summary>
public sealed class VerificationTests : IAsyncLifetime
{
    private ClockedHerald _herald = null!;

    private HeraldTestHost Host => _herald.Host;

    private ScriptedSmtpServer Smtp => _herald.Smtp;

    private FakeTimeProvider Time => _herald.Time;

    public async ValueTask InitializeAsync() => _herald = await ClockedHerald.StartAsync();

    public async ValueTask DisposeAsync() => await _herald.DisposeAsync();

    private async Task<string> VerificationLinkAsync(string id, string address, int nth = 1)
    {
        (await Host.RequestVerificationAsync(id, address)).Status.ShouldBe(HttpStatusCode.Accepted);
        return RecipientClient.VerifyPath(await Smtp.WaitForMailAsync(address, nth));
    }

    private async Task<JsonElement> AddressAsync(string id, string address) =>
        (await Host.GetRecipientAsync(id)).GetProperty("addresses").EnumerateArray().Single(a => a.GetProperty("address").GetString() == address);

    [Fact]
    public async Task The_link_shows_a_Verify_button_on_GET_verifies_on_POST_and_works_only_once()
    {
        await Host.CreateAsync("v-once", "once@example.com");
        var link = await VerificationLinkAsync("v-once", "once@example.com");

        var (getStatus, page) = await Host.GetPageAsync(link);
        getStatus.ShouldBe(HttpStatusCode.OK);
        page.ShouldContain("<button type=\"submit\">Verify</button>");
        (await AddressAsync("v-once", "once@example.com")).GetProperty("verification").GetString().ShouldBe("unverified");

        var (first, confirmed) = await Host.PostFormAsync(link);
        first.ShouldBe(HttpStatusCode.OK, confirmed);
        confirmed.ShouldContain("once@example.com is confirmed");
        var address = await AddressAsync("v-once", "once@example.com");
        address.GetProperty("verification").GetString().ShouldBe("verified");
        address.GetProperty("verifiedBy").GetString().ShouldBe("link");

        (await Host.PostFormAsync(link)).Status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_expired_link_fails()
    {
        await Host.CreateAsync("v-late", "late@example.com");
        var link = await VerificationLinkAsync("v-late", "late@example.com");
        Time.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));

        (await Host.PostFormAsync(link)).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await AddressAsync("v-late", "late@example.com")).GetProperty("verification").GetString().ShouldBe("unverified");
    }

    [Fact]
    public async Task A_newer_link_replaces_the_older_one()
    {
        await Host.CreateAsync("v-new", "newer@example.com");
        var older = await VerificationLinkAsync("v-new", "newer@example.com");
        var newer = await VerificationLinkAsync("v-new", "newer@example.com", 2);

        (await Host.PostFormAsync(older)).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await Host.PostFormAsync(newer)).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_link_for_address_A_verifies_A_and_never_B()
    {
        await Host.CreateAsync("v-ab", "a@example.com", "b@example.com");
        var linkA = await VerificationLinkAsync("v-ab", "a@example.com");
        var linkB = await VerificationLinkAsync("v-ab", "b@example.com");
        linkA.ShouldNotBe(linkB);

        (await Host.PostFormAsync(linkA)).Status.ShouldBe(HttpStatusCode.OK);
        (await AddressAsync("v-ab", "a@example.com")).GetProperty("verification").GetString().ShouldBe("verified");
        (await AddressAsync("v-ab", "b@example.com")).GetProperty("verification").GetString().ShouldBe("unverified");

        // B's own link is untouched by the use of A's, and still verifies B.
        (await Host.PostFormAsync(linkB)).Status.ShouldBe(HttpStatusCode.OK);
        (await AddressAsync("v-ab", "b@example.com")).GetProperty("verification").GetString().ShouldBe("verified");
    }

    [Fact]
    public async Task A_secondary_login_gets_the_secondary_login_email_naming_the_primary()
    {
        await Host.CreateAsync("v-second", "main@example.com", "login2@example.com");
        await VerificationLinkAsync("v-second", "login2@example.com");
        var mail = await Smtp.WaitForMailAsync("login2@example.com");
        mail.Subject.ShouldBe("Confirm your secondary login");
        mail.TextBody!.ShouldContain("main@example.com added login2@example.com");
    }

    [Fact]
    public async Task Re_sending_is_limited_to_5_an_hour_per_address_then_allowed_again()
    {
        await Host.CreateAsync("v-limit", "limit@example.com");
        for (var i = 0; i < 5; i++)
        {
            (await Host.RequestVerificationAsync("v-limit", "limit@example.com")).Status.ShouldBe(HttpStatusCode.Accepted);
        }

        using (var response = await Host.Http.PostAsync("/v1/recipients/v-limit/addresses/limit%40example.com/verification", null))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
            response.Headers.RetryAfter.ShouldNotBeNull();
        }

        await Smtp.WaitForMailAsync("limit@example.com", 5);
        Time.Advance(TimeSpan.FromMinutes(61));
        (await Host.RequestVerificationAsync("v-limit", "limit@example.com")).Status.ShouldBe(HttpStatusCode.Accepted);
        await Smtp.WaitForMailAsync("limit@example.com", 6);
    }

    [Fact]
    public async Task Answers_for_known_and_unknown_addresses_are_identical()
    {
        await Host.CreateAsync("v-known", "known@example.com", "verified@example.com", "known2@example.com");
        using (var verify = await Host.Http.PostAsJsonAsync("/v1/recipients/v-known/addresses/verified%40example.com/verify", new { }))
        {
            verify.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var answers = new List<(HttpStatusCode, string)>();
        foreach (var (id, address) in new[]
        {
            ("v-known", "known@example.com"),       // known, unverified: an email is sent
            ("v-known", "verified@example.com"),    // known, already verified
            ("v-known", "stranger@example.com"),    // not an address of this recipient
            ("v-nobody", "known@example.com"),      // the address belongs to someone else
            ("v-nobody", "nobody@example.com"),     // nothing known at all
        })
        {
            answers.Add(await Host.RequestVerificationAsync(id, address));
        }

        answers.Distinct().ShouldHaveSingleItem().Item1.ShouldBe(HttpStatusCode.Accepted);
        await Smtp.WaitForMailAsync("known@example.com");

        // The limit applies alike to an address Herald does not know, so a 429 reveals nothing either.
        var sequences = new List<string>();
        foreach (var (id, address) in new[] { ("v-known", "known2@example.com"), ("v-nobody", "nobody2@example.com") })
        {
            var statuses = new List<int>();
            for (var i = 0; i < 6; i++)
            {
                statuses.Add((int)(await Host.RequestVerificationAsync(id, address)).Status);
            }

            sequences.Add(string.Join(",", statuses));
        }

        sequences.Distinct().ShouldHaveSingleItem().ShouldBe("202,202,202,202,202,429");
    }
}
