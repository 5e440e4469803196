using Herald.Core.Messages;

namespace Herald.Storage.Postgres.Tests;

/// <summary>What a NOTIFY on the wake channel carries: the priority to wake for and the node that sent it.</summary>
public sealed class WakePayloadTests
{
    [Theory]
    [InlineData(Priority.Critical)]
    [InlineData(Priority.Normal)]
    [InlineData(Priority.Bulk)]
    public void A_payload_gives_back_its_priority_and_node(Priority priority)
    {
        var payload = WakePayload.Format(priority, "host-1:4242 b");

        WakePayload.Parse(payload).ShouldBe((priority, "host-1:4242 b"));
    }

    [Theory]
    [InlineData("node-a")]
    [InlineData("urgent node-a")]
    [InlineData("7 node-a")]
    public void A_payload_without_a_known_priority_wakes_every_lane_and_keeps_its_node(string payload)
    {
        // A node of an earlier version sends its id alone: the listener must still ignore its own and wake for the rest.
        WakePayload.Parse(payload).ShouldBe((Priority.Critical, payload));
    }
}
