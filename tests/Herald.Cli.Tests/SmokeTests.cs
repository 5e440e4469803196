namespace Herald.Cli.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void Project_builds_and_runs_tests() => true.ShouldBeTrue();
}
