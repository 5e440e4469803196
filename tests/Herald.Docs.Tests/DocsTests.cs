namespace Herald.Docs.Tests;

/// <summary>
/// Every command block of the README and docs/ that talks to Herald runs against a live Herald, and its output is
/// checked against what the page says (<c>&lt;!-- expect: ... --&gt;</c> and the sample output it shows); a block that
/// cannot run says why (<c>&lt;!-- not run: reason --&gt;</c>), so nothing is skipped silently.
/// </summary>
public sealed class DocsTests
{
    public static TheoryData<string> Pages()
    {
        var pages = new TheoryData<string> { "README.md" };
        foreach (var page in Directory.GetFiles(Path.Combine(Repository.Root, "docs"), "*.md").Order(StringComparer.Ordinal))
        {
            pages.Add(Path.GetRelativePath(Repository.Root, page));
        }

        return pages;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_command_block_runs_as_the_page_says(string page)
    {
        var blocks = MarkdownBlocks.Read(page, await File.ReadAllTextAsync(Path.Combine(Repository.Root, page)));
        if (blocks.All(b => b.NotRun is not null))
        {
            blocks.ShouldAllBe(b => b.NotRun!.Length > 0, "every block that is not run says why");
            return;
        }

        await using var herald = new LiveHerald();
        await herald.StartAsync();
        var work = Directory.CreateTempSubdirectory("herald-docs-run-").FullName;
        try
        {
            var failures = await new DocRunner(herald, work).RunAsync(blocks);
            failures.ShouldBeEmpty(string.Join("\n", failures));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public async Task A_page_that_says_the_wrong_status_or_field_fails()
    {
        const string page = """
            <!-- expect: 404 status -->

                curl -s localhost:5000/healthz

            Some text.

                curl -s localhost:5000/healthz
            """;
        await using var herald = new LiveHerald();
        await herald.StartAsync();
        var work = Directory.CreateTempSubdirectory("herald-docs-run-").FullName;
        try
        {
            var failures = await new DocRunner(herald, work).RunAsync(MarkdownBlocks.Read("page.md", page));
            failures.Count.ShouldBe(2, string.Join("\n", failures));
            failures[0].ShouldContain("the page says 404");
            failures[1].ShouldContain("neither");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public void Commands_join_continued_lines_and_keep_the_sample_output()
    {
        var block = MarkdownBlocks.Read("page.md", "<!-- expect: 202 id -->\n```\ncurl -s localhost:5000/v1/messages \\\n  -d '{}'\n{\"id\":\"msg_...\"}\n```\n").ShouldHaveSingleItem();
        var command = block.Commands().ShouldHaveSingleItem();
        command.Text.ShouldBe("curl -s localhost:5000/v1/messages  -d '{}'");
        Expectation.SampleFields(command.SampleOutput).ShouldBe(["id"]);
        block.Expect.ShouldBe("202 id");
    }
}
