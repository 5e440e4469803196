using Herald.Core.Delivery;
using Herald.Smtp.Outbound.Mx;

namespace Herald.Smtp.Tests.Outbound;

public sealed class MxSelectionTests
{
    [Fact]
    public void Hosts_are_tried_in_preference_order()
    {
        var answer = new MxAnswer.Found([new(20, "b.mx.test."), new(5, "a.mx.test."), new(30, "c.mx.test.")], false);

        var plan = MxSelection.Select("example.test", answer, new Random(1));

        plan.ShouldBeOfType<MxPlan.Hosts>().Names.ShouldBe(["a.mx.test", "b.mx.test", "c.mx.test"]);
    }

    [Fact]
    public void Hosts_of_equal_preference_are_shuffled_and_stay_behind_better_ones()
    {
        var answer = new MxAnswer.Found([new(10, "x.test"), new(10, "y.test"), new(10, "z.test"), new(1, "first.test")], false);

        var orders = Enumerable.Range(0, 50)
            .Select(seed => ((MxPlan.Hosts)MxSelection.Select("example.test", answer, new Random(seed))).Names)
            .ToList();

        orders.ShouldAllBe(o => o[0] == "first.test" && o.Count == 4);
        orders.Select(o => string.Join(",", o)).Distinct().Count().ShouldBeGreaterThan(1);
        orders.Select(o => o[1]).Distinct().Count().ShouldBe(3);
    }

    [Fact]
    public void No_MX_falls_back_to_the_domain_itself_when_it_has_an_address()
    {
        var plan = MxSelection.Select("example.test", new MxAnswer.Found([], DomainHasAddress: true), new Random(1));

        plan.ShouldBeOfType<MxPlan.Hosts>().Names.ShouldBe(["example.test"]);
    }

    [Fact]
    public void No_MX_and_no_address_means_the_domain_takes_no_mail()
    {
        var plan = MxSelection.Select("example.test", new MxAnswer.Found([], DomainHasAddress: false), new Random(1));

        plan.ShouldBeOfType<MxPlan.Failure>().Kind.ShouldBe(TransportFailureKind.DomainNotFound);
    }

    [Theory]
    [InlineData(".")]
    [InlineData("")]
    public void Null_MX_is_a_NullMx_failure(string exchange)
    {
        var plan = MxSelection.Select("example.test", new MxAnswer.Found([new(0, exchange)], false), new Random(1));

        var failure = plan.ShouldBeOfType<MxPlan.Failure>();
        failure.Kind.ShouldBe(TransportFailureKind.NullMx);
        failure.Detail.ShouldContain("example.test");
    }

    [Fact]
    public void NXDOMAIN_is_DomainNotFound_and_SERVFAIL_is_temporary()
    {
        MxSelection.Select("nope.test", new MxAnswer.DomainNotFound("NXDOMAIN"), new Random(1))
            .ShouldBeOfType<MxPlan.Failure>().Kind.ShouldBe(TransportFailureKind.DomainNotFound);
        MxSelection.Select("nope.test", new MxAnswer.TemporaryFailure("SERVFAIL"), new Random(1))
            .ShouldBeOfType<MxPlan.Failure>().Kind.ShouldBe(TransportFailureKind.DnsTemporaryFailure);
    }

    [Fact]
    public void Duplicate_exchanges_are_tried_once()
    {
        var plan = MxSelection.Select("example.test", new MxAnswer.Found([new(10, "mx.test."), new(20, "MX.test")], false), new Random(1));

        plan.ShouldBeOfType<MxPlan.Hosts>().Names.ShouldBe(["mx.test"]);
    }
}
