using Deque.AxeCore.Playwright;
using PolicyTracker.BrowserTests.Support;

namespace PolicyTracker.BrowserTests.Browse;

[Collection(AppCollection.Name)]
public sealed class BrowseAccessibilityTests(AppFixture app)
{
    [Fact]
    public async Task Axe_finds_no_serious_or_critical_violation_on_the_browse_pages()
    {
        var data = await BrowseData.SeedAsync(app.ConnectionString);
        var paths = new[]
        {
            "/people", $"/people/{data.PersonId}", "/bodies", $"/bodies/{data.BodyId}", "/documents", $"/documents/{data.DocumentId}",
            "/reports", $"/reports/{data.ReportId}?span={data.FarSpanStart}-{data.FarSpanLength}", "/summary", $"/search?q={data.Tag}",
        };
        var problems = new List<string>();
        foreach (var path in paths)
        {
            var page = await app.OpenAsync(path);
            await page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);
            var result = await page.RunAxe();
            problems.AddRange(result.Violations
                .Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{path}: {v.Id} ({v.Impact}) {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}"));
            await page.Context.CloseAsync();
        }
        problems.ShouldBeEmpty(string.Join("\n", problems));
    }
}
