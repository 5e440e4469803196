namespace Herald.Bounces.Tests.Families;

/// <summary>Explanations never contradict the facts: delivered is delivered, a delay has not failed, the IT text claims nothing.</summary>
public sealed class ExplanationTests
{
    [Fact]
    public void An_auto_reply_is_delivered_and_never_retried()
    {
        var report = BounceClassifier.ClassifyEmail(System.Text.Encoding.UTF8.GetBytes(
            "From: jane@example.org\nTo: notify@app.example\nSubject: Out of office\nAuto-Submitted: auto-replied\n\nI am away until Monday.\n"));
        var r = report.Records.ShouldHaveSingleItem();
        r.Scenario.ShouldBe(Scenario.AutoResponder);
        r.Suppress.ShouldBe(SuppressAdvice.None);
        r.Permanent.ShouldBeFalse();
        r.Delayed.ShouldBeFalse();
        r.Explanation.Summary.ShouldContain("delivered");
    }

    [Fact]
    public void A_delay_says_it_has_not_failed_yet()
    {
        var r = SyntheticBounce.Report("delayed", "4.4.1", "451 4.4.1 connection timed out").Records.ShouldHaveSingleItem();
        r.Explanation.Summary.ShouldContain("not failed yet");
        r.Explanation.Summary.ShouldNotContain("giving up");
    }

    [Fact]
    public void The_it_steps_never_claim_a_signature_the_configuration_may_not_have()
    {
        foreach (var scenario in Enum.GetValues<Scenario>())
        {
            var e = Herald.Bounces.Explanations.ExplanationWriter.Write(scenario, "jane@example.org", null, delayed: false, dns: false);
            string.Join(" ", e.ItSteps).ShouldNotContain("DKIM signed", Case.Insensitive, $"{scenario}");
            string.Join(" ", e.ItSteps).ShouldNotContain("SPF/DKIM signed", Case.Insensitive, $"{scenario}");
        }
    }

    [Theory]
    [InlineData("5.0.911", true)]
    [InlineData("4.0.947", true)]
    [InlineData("5.1.1", false)]
    [InlineData("5.0.0", false)]
    public void Internal_codes_are_told_apart_from_codes_a_server_sent(string status, bool isInternal) =>
        Herald.Bounces.Rules.StatusCodes.IsInternal(status).ShouldBe(isInternal);
}
