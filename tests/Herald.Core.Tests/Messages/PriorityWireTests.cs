using Herald.Core.Messages;

namespace Herald.Core.Tests.Messages;

public sealed class PriorityWireTests
{
    [Theory]
    [InlineData(Priority.Critical, "critical")]
    [InlineData(Priority.Normal, "normal")]
    [InlineData(Priority.Bulk, "bulk")]
    public void A_priority_is_written_as_the_catalogue_spells_it_and_read_back(Priority priority, string word)
    {
        priority.ToWire().ShouldBe(word);
        PriorityExtensions.TryParseWire(word, out var read).ShouldBeTrue();
        read.ShouldBe(priority);
    }

    [Theory]
    [InlineData("Critical")]
    [InlineData("urgent")]
    [InlineData("0")]
    [InlineData("")]
    public void Any_other_word_is_no_priority(string word) =>
        PriorityExtensions.TryParseWire(word, out _).ShouldBeFalse();
}
