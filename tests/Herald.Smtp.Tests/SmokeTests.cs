namespace Herald.Smtp.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void Project_builds_and_runs_tests() => true.ShouldBeTrue();
}
