using Herald.Core.Delivery;

namespace Herald.Core.Tests.Delivery;

public sealed class RetryScheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 5)]
    [InlineData(3, 15)]
    [InlineData(4, 30)]
    [InlineData(5, 60)]
    [InlineData(6, 120)]
    [InlineData(7, 240)]
    [InlineData(8, 480)]
    [InlineData(50, 480)]
    public void The_table_gives_the_documented_wait_after_each_attempt(int attempt, int minutes) =>
        RetrySchedule.BaseDelay(attempt).ShouldBe(TimeSpan.FromMinutes(minutes));

    [Fact]
    public void Jitter_of_one_half_is_no_jitter() =>
        RetrySchedule.NextAttemptAt(2, Now, 0.5).ShouldBe(Now.AddMinutes(5));

    [Theory]
    [InlineData(0.0, 4.5)]
    [InlineData(1.0, 5.5)]
    public void Jitter_stays_within_ten_percent(double sample, double minutes) =>
        RetrySchedule.NextAttemptAt(2, Now, sample).ShouldBe(Now.AddMinutes(minutes), TimeSpan.FromMilliseconds(1));

    [Fact]
    public void Attempt_zero_is_a_bug() =>
        Should.Throw<ArgumentOutOfRangeException>(() => RetrySchedule.BaseDelay(0));
}
