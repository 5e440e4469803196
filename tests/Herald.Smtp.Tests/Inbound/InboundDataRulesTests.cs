using System.Buffers;
using System.Text;
using Herald.Smtp.Inbound;

namespace Herald.Smtp.Tests.Inbound;

public sealed class InboundDataRulesTests
{
    private static DataViolation Check(string data, int maxLine = 1000) =>
        InboundDataRules.Check(new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(data)), maxLine);

    [Theory]
    [InlineData("a\r\nb\r\nc")]
    [InlineData("")]
    [InlineData("\r\n\r\n")]
    public void Proper_CRLF_lines_pass(string data) => Check(data).ShouldBe(DataViolation.None);

    [Theory]
    [InlineData("a\nb")]
    [InlineData("a\rb")]
    [InlineData("a\r\r\nb")]
    [InlineData("a\n\r\nb")]
    [InlineData("a\r")]
    [InlineData("\n")]
    public void Bare_CR_or_LF_anywhere_is_a_violation(string data) => Check(data).ShouldBe(DataViolation.BareLineEnding);

    [Fact]
    public void A_line_of_998_octets_plus_CRLF_is_the_longest_allowed()
    {
        Check(new string('x', 998) + "\r\nok").ShouldBe(DataViolation.None);
        Check(new string('x', 999) + "\r\nok").ShouldBe(DataViolation.LineTooLong);
        Check("ok\r\n" + new string('x', 999)).ShouldBe(DataViolation.LineTooLong);
    }

    [Fact]
    public void Lines_split_across_buffer_segments_are_measured_whole()
    {
        var first = new Segment(Encoding.ASCII.GetBytes(new string('x', 600)));
        var last = first.Append(Encoding.ASCII.GetBytes(new string('x', 600) + "\r"));
        var tail = last.Append("\nok"u8.ToArray());

        InboundDataRules.Check(new ReadOnlySequence<byte>(first, 0, tail, 3), 1000).ShouldBe(DataViolation.LineTooLong);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(byte[] data) => Memory = data;

        public Segment Append(byte[] data)
        {
            var next = new Segment(data) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }
}
