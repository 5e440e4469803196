using Herald.Core.Portal;
using static Herald.Storage.Tests.Contract.TestMessages;

namespace Herald.Storage.Tests.Contract;

/// <summary>What every stored <see cref="IPortalLinkStore"/> must do: a link opens its recipient once, before it expires.</summary>
[ContractFor(typeof(IPortalLinkStore))]
public abstract class PortalLinkStoreContract : StoreContract
{
    [Fact]
    [Covers(nameof(IPortalLinkStore.AddAsync), nameof(IPortalLinkStore.RedeemAsync))]
    public async Task A_link_opens_its_recipient_once_even_across_a_restart()
    {
        await PortalLinks.AddAsync(new PortalLink("h1", "user-1", T0, T0.AddMinutes(15)), None);

        (await PortalLinks.RedeemAsync("h1", T0.AddMinutes(1), None)).ShouldBe("user-1");
        await ReopenAsync();
        (await PortalLinks.RedeemAsync("h1", T0.AddMinutes(2), None)).ShouldBeNull();
    }

    [Fact]
    [Covers(nameof(IPortalLinkStore.RedeemAsync))]
    public async Task An_expired_or_unknown_link_opens_nothing()
    {
        await PortalLinks.AddAsync(new PortalLink("h1", "user-1", T0, T0.AddMinutes(15)), None);

        (await PortalLinks.RedeemAsync("h1", T0.AddMinutes(15), None)).ShouldBeNull();
        (await PortalLinks.RedeemAsync("H1", T0, None)).ShouldBeNull();
        (await PortalLinks.RedeemAsync("other", T0, None)).ShouldBeNull();
    }

    [Fact]
    [Covers(nameof(IPortalLinkStore.AddAsync))]
    public async Task Links_of_two_recipients_stay_apart_and_a_new_link_leaves_live_ones_working()
    {
        await PortalLinks.AddAsync(new PortalLink("h1", "user-1", T0, T0.AddMinutes(15)), None);
        await PortalLinks.AddAsync(new PortalLink("h2", "user-2", T0.AddMinutes(5), T0.AddMinutes(20)), None);

        (await PortalLinks.RedeemAsync("h2", T0.AddMinutes(6), None)).ShouldBe("user-2");
        (await PortalLinks.RedeemAsync("h1", T0.AddMinutes(6), None)).ShouldBe("user-1");
    }
}
