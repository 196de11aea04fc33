using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PolicyTracker.BrowserTests.Support;
using PolicyTracker.Data.Accounts;

namespace PolicyTracker.BrowserTests.Layout;

/// <summary>Date fields read and write yyyy-MM-dd, typed or picked, whatever the browser's locale
/// (native date inputs showed mm/dd/yyyy here).</summary>
[Collection(AppCollection.Name)]
public sealed class DateFieldTests(AppFixture app)
{
    [Fact]
    public async Task The_audit_filter_shows_the_dates_of_the_url_as_yyyy_mm_dd_and_a_typed_date_goes_into_the_url()
    {
        var page = await app.OpenAsync("/admin/audit?from=2026-01-02", Roles.Admin);
        var from = page.Locator("input[data-testid=filter-from]");
        await Assertions.Expect(from).ToHaveValueAsync("2026-01-02");
        (await from.GetAttributeAsync("type")).ShouldNotBe("date");

        var to = page.Locator("input[data-testid=filter-to]");
        await to.FillAsync("2026-03-04");
        await to.PressAsync("Tab");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("to=2026-03-04"));
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("from=2026-01-02"));
        await Assertions.Expect(page.Locator("input[data-testid=filter-to]")).ToHaveValueAsync("2026-03-04");
        (await app.ProblemsAsync(page)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_publication_date_of_a_new_report_is_typed_or_picked_from_a_calendar_as_yyyy_mm_dd()
    {
        var page = await app.OpenAsync("/reports/new", Roles.Editor);
        var published = page.Locator("input[data-testid=published]");
        await published.FillAsync("2025-05-28");
        await published.PressAsync("Tab");
        await Assertions.Expect(published).ToHaveValueAsync("2025-05-28");

        await page.GetByRole(AriaRole.Button, new() { Name = "Pick the publication date from a calendar" }).ClickAsync();
        var calendar = page.Locator(".mud-popover-open").First;
        // The invariant culture: English month names, whatever the server's locale.
        await Assertions.Expect(page.Locator(".mud-popover-open").First).ToContainTextAsync(new Regex("May"));
        await Assertions.Expect(page.Locator(".mud-popover-open").First).ToContainTextAsync("2025");
        await AppFixture.ScreenshotAsync(page, "date-picker-open");
        await calendar.Locator("button.mud-picker-calendar-day:not(.mud-hidden)").GetByText("14", new() { Exact = true }).First.ClickAsync();
        await Assertions.Expect(published).ToHaveValueAsync("2025-05-14");
        (await app.ProblemsAsync(page)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_meetings_date_filters_show_yyyy_mm_dd_and_a_typed_date_narrows_the_list_in_the_url()
    {
        var page = await app.OpenAsync("/meetings?from=2024-01-01", Roles.Analyst);
        await Assertions.Expect(page.Locator("input[data-testid=from-filter]")).ToHaveValueAsync("2024-01-01");
        var to = page.Locator("input[data-testid=to-filter]");
        await to.FillAsync("2024-01-31");
        await to.PressAsync("Tab");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("to=2024-01-31"));
        await Assertions.Expect(page.Locator("input[data-testid=to-filter]")).ToHaveValueAsync("2024-01-31");
        // The demo data has January 2024 meetings; every dated row left is one of them (other tests may add
        // meetings without a date, which a date range does not decide on).
        var dates = page.GetByTestId("meetings-grid").Locator("tbody tr .fact-date");
        await AppFixture.ScreenshotAsync(page, "meetings-date-filter");
        await Assertions.Expect(dates.Filter(new() { HasTextRegex = new Regex(@"^(?!2024-01-)\d{4}-\d{2}-\d{2}") })).ToHaveCountAsync(0);
        await Assertions.Expect(dates.Filter(new() { HasTextRegex = new Regex(@"^2024-01-\d{2}") }).First).ToBeVisibleAsync();
    }
}
