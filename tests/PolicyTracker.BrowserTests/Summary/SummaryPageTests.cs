using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PolicyTracker.BrowserTests.Support;
using PolicyTracker.Data.Accounts;

namespace PolicyTracker.BrowserTests.Summary;

[Collection(AppCollection.Name)]
public sealed class SummaryPageTests(AppFixture app)
{
    [Fact]
    public async Task Changing_the_period_and_clicking_a_bar_lands_on_the_meetings_that_bar_counts()
    {
        var data = await SummaryBrowseData.SeedAsync(app.ConnectionString, 2008);
        var page = await app.OpenAsync("/summary?period=year&at=2008-01-01", Roles.Manager);

        var total = data.Bodies.Sum(b => b.Meetings);
        await Assertions.Expect(page.GetByTestId("figure-meetings-current")).ToHaveTextAsync(total.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(page.GetByTestId("figure-meetings-previous")).ToHaveTextAsync("0");
        await Assertions.Expect(page.GetByTestId("legend-other")).ToBeVisibleAsync();
        await AppFixture.ScreenshotAsync(page, "summary-year-light");
        await page.GetByTestId("dark-mode").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-theme-dark, html[data-theme=dark], body").First).ToBeVisibleAsync();
        await page.WaitForTimeoutAsync(300);
        await AppFixture.ScreenshotAsync(page, "summary-year-dark");
        await page.GetByTestId("dark-mode").ClickAsync();

        // The quarter containing the year's first day: Q1 2008, in weeks.
        await page.GetByTestId("period-quarter").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("period=quarter&at=2008-01-01"));
        await Assertions.Expect(page.GetByTestId("summary-period")).ToHaveTextAsync("Q1 2008");

        var busiest = data.Bodies[0];
        var bar = page.Locator($"[data-testid^='bar-{busiest.Id}-']").First;
        var label = await bar.GetAttributeAsync("aria-label") ?? "";
        var count = int.Parse(label[(label.LastIndexOf(':') + 1)..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        var href = await bar.GetAttributeAsync("href") ?? "";
        await bar.ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/meetings\\?body={busiest.Id}&from=2008-\\d\\d-\\d\\d&to=2008-\\d\\d-\\d\\d"));
        page.Url.ShouldContain(href); // the list may add its default sort
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Meetings");
        var grid = page.GetByTestId("meetings-grid");
        await Assertions.Expect(grid.Locator("a[href^='/meetings/']")).ToHaveCountAsync(count);
        await Assertions.Expect(grid.Locator("a[href^='/bodies/']").First).ToHaveTextAsync(busiest.Name);
    }

    [Fact]
    public async Task A_document_bar_lands_on_the_documents_with_that_action_in_its_days()
    {
        var data = await SummaryBrowseData.SeedAsync(app.ConnectionString, 2005);
        var page = await app.OpenAsync("/summary?period=year&at=2005-06-01", Roles.Manager);

        var bar = page.Locator("[data-testid^='bar-adopted-']").First;
        var label = await bar.GetAttributeAsync("aria-label") ?? "";
        var count = int.Parse(label[(label.LastIndexOf(':') + 1)..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        await bar.ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/documents\\?action=adopted&from=2005-\\d\\d-01&to=2005-\\d\\d-\\d\\d"));
        await Assertions.Expect(page.GetByTestId("documents-range")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("documents-grid").Locator("a[href^='/documents/']")).ToHaveCountAsync(count);
        data.Tag.ShouldNotBeEmpty();
    }
}
