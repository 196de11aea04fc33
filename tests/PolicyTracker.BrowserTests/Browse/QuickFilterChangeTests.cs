using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PolicyTracker.BrowserTests.Support;
using PolicyTracker.Data.Accounts;

namespace PolicyTracker.BrowserTests.Browse;

/// <summary>A quick filter of a list page changes the address, the rows and the total together, and the back
/// button brings each earlier view back (UX.md: the URL is the state).</summary>
[Collection(AppCollection.Name)]
public sealed class QuickFilterChangeTests(AppFixture app)
{
    [Fact]
    public async Task The_meetings_documents_filter_splits_the_list_in_two_and_back_restores_each_earlier_view()
    {
        var page = await app.OpenAsync("/meetings", Roles.Analyst);
        var all = await TotalAsync(page);
        all.ShouldBeGreaterThan(0);

        await ChooseAsync(page, "has-documents-filter", "without documents");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("[?&]hasDocuments=false"));
        var without = await SettledTotalAsync(page, zero: true);
        await ExpectDocumentsCellsAsync(page, without, zero: true);

        await ChooseAsync(page, "has-documents-filter", "with documents");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("[?&]hasDocuments=true"));
        await SettledTotalAsync(page, zero: false);
        // Every meeting is on one side or the other.
        var with = all - without;
        await ExpectTotalAsync(page, with);
        await ExpectDocumentsCellsAsync(page, with, zero: false);
        await AppFixture.ScreenshotAsync(page, "quick-filter-meetings");

        await page.GoBackAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("[?&]hasDocuments=false"));
        await ExpectTotalAsync(page, without);
        // A select with a value shows it as text in place of its empty input.
        await Assertions.Expect(page.Locator("div[data-testid=has-documents-filter]")).ToHaveTextAsync("without documents");
        await ExpectDocumentsCellsAsync(page, without, zero: true);

        await page.GoBackAsync();
        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("hasDocuments="));
        await ExpectTotalAsync(page, all);
        await Assertions.Expect(page.Locator("input[data-testid=has-documents-filter]")).ToHaveValueAsync("");
        (await app.ProblemsAsync(page)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_documents_action_filter_narrows_the_rows_and_back_widens_them_again()
    {
        var data = await BrowseData.SeedAsync(app.ConnectionString);
        // The scenario's document was reviewed at one meeting and adopted at the next; its issuing meeting is a draft.
        var page = await app.OpenAsync($"/documents?q={data.Tag}", Roles.Analyst);
        var grid = page.GetByTestId("documents-grid");
        await ExpectTotalAsync(page, 1);
        await Assertions.Expect(grid.GetByRole(AriaRole.Link, new() { Name = data.DocumentTitle })).ToBeVisibleAsync();

        await ChooseAsync(page, "documents-action", "issued");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("[?&]action=issued"));
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"[?&]q={data.Tag}"));
        await ExpectTotalAsync(page, 0);
        await Assertions.Expect(grid.GetByRole(AriaRole.Link, new() { Name = data.DocumentTitle })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText("No documents match.", new() { Exact = false })).ToBeVisibleAsync();

        await ChooseAsync(page, "documents-action", "adopted");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("[?&]action=adopted"));
        await ExpectTotalAsync(page, 1);
        await Assertions.Expect(grid.GetByRole(AriaRole.Link, new() { Name = data.DocumentTitle })).ToBeVisibleAsync();

        await page.GoBackAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("[?&]action=issued"));
        await ExpectTotalAsync(page, 0);
        await Assertions.Expect(page.GetByText("No documents match.", new() { Exact = false })).ToBeVisibleAsync();

        await page.GoBackAsync();
        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("action="));
        await ExpectTotalAsync(page, 1);
        await Assertions.Expect(grid.GetByRole(AriaRole.Link, new() { Name = data.DocumentTitle })).ToBeVisibleAsync();
        (await app.ProblemsAsync(page)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("/people", "people-filter", "people-grid", "/people/")]
    [InlineData("/bodies", "bodies-filter", "bodies-grid", "/bodies/")]
    public async Task The_name_filter_narrows_the_list_to_the_tagged_rows_and_back_brings_the_whole_list(
        string path, string filterId, string gridId, string linkPrefix)
    {
        var data = await BrowseData.SeedAsync(app.ConnectionString);
        var page = await app.OpenAsync(path, Roles.Analyst);
        var all = await TotalAsync(page);
        var grid = page.GetByTestId(gridId);
        // The whole list has more than the tagged rows: other scenarios and the demo data.
        all.ShouldBeGreaterThan(2);

        await page.Locator($"input[data-testid={filterId}], [data-testid={filterId}] input").First.FillAsync(data.Tag);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"[?&]q={data.Tag}"));
        // People: the scenario's chair; bodies: the commission and its parent council.
        var tagged = path == "/people" ? 1 : 2;
        await ExpectTotalAsync(page, tagged);
        await Assertions.Expect(grid.Locator($"tbody a[href^='{linkPrefix}']").First).ToContainTextAsync(data.Tag);

        await page.GoBackAsync();
        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("[?&]q="));
        await ExpectTotalAsync(page, all);
        await Assertions.Expect(page.Locator($"input[data-testid={filterId}], [data-testid={filterId}] input").First).ToHaveValueAsync("");
        (await app.ProblemsAsync(page)).ShouldBeEmpty();
    }

    private static async Task ChooseAsync(IPage page, string selectTestId, string option)
    {
        await page.Locator($"[data-testid={selectTestId}]").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
    }

    private static async Task<int> TotalAsync(IPage page)
    {
        var count = page.GetByTestId("page-count");
        await Assertions.Expect(count).ToHaveTextAsync(new Regex(@"^[\d,]+$"));
        return int.Parse((await count.TextContentAsync())!, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
    }

    private static Task ExpectTotalAsync(IPage page, int total) =>
        Assertions.Expect(page.GetByTestId("page-count")).ToHaveTextAsync(total.ToString("N0", CultureInfo.InvariantCulture));

    // The total once the grid shows the rows of the new address: every row on the asked side (0 documents, or
    // more), or the empty state. The grid's load sets the header's count before it hands the grid its rows, so
    // the count read with those rows is theirs. Read in one evaluation, so no render falls in between.
    private static async Task<int> SettledTotalAsync(IPage page, bool zero)
    {
        var handle = await page.WaitForFunctionAsync("""
            zero => {
              const grid = document.querySelector('[data-testid=meetings-grid]');
              const rows = [...grid.querySelectorAll('tbody tr')].filter(r => r.querySelector("a[href^='/meetings/']"));
              const empty = grid.textContent.includes('No meetings match.');
              if (grid.querySelector('.mud-skeleton') || (rows.length === 0) === !empty) return null;
              const docs = rows.map(r => r.querySelector('td:nth-child(7)').textContent.trim());
              if (!docs.every(d => (d === '0') === zero)) return null;
              return document.querySelector('[data-testid=page-count]').textContent.trim();
            }
            """, zero);
        var total = int.Parse((await handle.JsonValueAsync<string>())!, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        return total;
    }

    // The Documents column of the meetings grid: 0 on every row, or more than 0 on every row; an empty list says so.
    private static async Task ExpectDocumentsCellsAsync(IPage page, int total, bool zero)
    {
        var grid = page.GetByTestId("meetings-grid");
        if (total == 0)
        {
            await Assertions.Expect(page.GetByText("No meetings match.", new() { Exact = false })).ToBeVisibleAsync();
            await Assertions.Expect(grid.Locator("a[href^='/meetings/']")).ToHaveCountAsync(0);
            return;
        }
        var rows = grid.Locator("tbody tr:has(a[href^='/meetings/'])");
        await Assertions.Expect(rows).ToHaveCountAsync(Math.Min(total, 25));
        var documents = grid.Locator("tbody tr:has(a[href^='/meetings/']) td:nth-child(7)");
        if (zero)
        {
            await Assertions.Expect(documents.Filter(new() { HasNotTextRegex = new Regex("^0$") })).ToHaveCountAsync(0);
        }
        else
        {
            await Assertions.Expect(documents.Filter(new() { HasTextRegex = new Regex("^0$") })).ToHaveCountAsync(0);
        }
    }
}
