using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PolicyTracker.BrowserTests.Support;
using PolicyTracker.Data.Accounts;

namespace PolicyTracker.BrowserTests.Summary;

[Collection(AppCollection.Name)]
public sealed class QualityPageTests(AppFixture app)
{
    [Fact]
    public async Task The_quality_page_shows_the_years_team_and_verdicts_and_a_narrower_period_counts_only_its_reports()
    {
        var data = await QualityBrowseData.SeedAsync(app.ConnectionString, 2002);
        var page = await app.OpenAsync("/summary/quality?period=year&at=2002-01-01", Roles.Manager);

        await Assertions.Expect(page.GetByTestId("quality-period")).ToHaveTextAsync("2002");
        await Assertions.Expect(page.GetByTestId("team-entered-current")).ToHaveTextAsync("5");
        await Assertions.Expect(page.GetByTestId("team-reviewed-current")).ToHaveTextAsync("5");
        await Assertions.Expect(page.GetByTestId("team-published-current")).ToHaveTextAsync("5");
        var editors = page.GetByTestId("editor-row");
        await Assertions.Expect(editors).ToHaveCountAsync(2);
        await Assertions.Expect(editors.Nth(0)).ToContainTextAsync(data.Ann);
        await Assertions.Expect(editors.Nth(1)).ToContainTextAsync(data.Ben);

        // Participants: 7 of 10 judged claims accepted, 3 removed, 2 added by an editor.
        var participants = page.GetByTestId("quality-participants");
        await Assertions.Expect(participants.GetByTestId("accepted")).ToHaveTextAsync("70% (7)");
        await Assertions.Expect(participants.GetByTestId("removed")).ToHaveTextAsync("30% (3)");
        await Assertions.Expect(participants.GetByTestId("added")).ToHaveTextAsync("2");
        await Assertions.Expect(page.GetByTestId("quality-date").GetByTestId("edited")).ToHaveTextAsync("40% (2)");
        // Version 1.0.0 accepted half its participants, twenty points under the year: marked.
        var v10 = page.Locator("[data-testid=quality-versions] [data-testid=quality-line][data-label='1.0.0'] td[data-field=participants]");
        await Assertions.Expect(v10).ToHaveClassAsync(new Regex("drift"));
        await Assertions.Expect(v10).ToContainTextAsync("50%");
        var v11 = page.Locator("[data-testid=quality-versions] [data-testid=quality-line][data-label='1.1.0'] td[data-field=participants]");
        await Assertions.Expect(v11).Not.ToHaveClassAsync(new Regex("drift"));
        await Assertions.Expect(page.Locator("[data-testid=quality-months] [data-testid=quality-line]")).ToHaveCountAsync(2);
        await AppFixture.ScreenshotAsync(page, "quality-year-light");
        await page.GetByTestId("dark-mode").ClickAsync();
        await Assertions.Expect(page.Locator(".theme-dark").First).ToBeAttachedAsync();
        await page.WaitForTimeoutAsync(300);
        await AppFixture.ScreenshotAsync(page, "quality-year-dark");
        await page.GetByTestId("dark-mode").ClickAsync();

        // The first quarter: ann's January reports only, beside the quarter before (nothing).
        await page.GetByTestId("quality-period-quarter").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/summary/quality\\?period=quarter&at=2002-01-01"));
        await Assertions.Expect(page.GetByTestId("quality-period")).ToHaveTextAsync("Q1 2002");
        await Assertions.Expect(page.GetByTestId("team-entered-current")).ToHaveTextAsync("3");
        await Assertions.Expect(page.GetByTestId("team-entered-previous")).ToHaveTextAsync("0");
        await Assertions.Expect(editors).ToHaveCountAsync(1);
        await Assertions.Expect(participants.GetByTestId("accepted")).ToHaveTextAsync("50% (3)");

        // Back to the summary of the same period.
        await page.GetByTestId("quality-summary").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/summary\\?period=quarter&at=2002-01-01"));
        await Assertions.Expect(page.GetByTestId("summary-period")).ToHaveTextAsync("Q1 2002");
        (await app.ProblemsAsync(page)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Each_team_number_opens_the_reports_list_of_exactly_its_reports_and_all_time_is_photographed_at_phone_width_with_long_addresses()
    {
        var data = await QualityBrowseData.SeedAsync(app.ConnectionString, 2003,
            "directorate-general-for-communication-and-information-systems.ministry-of-foreign-affairs.example.org");
        var page = await app.OpenAsync("/summary/quality?period=year&at=2003-01-01", Roles.Manager);
        await Assertions.Expect(page.GetByTestId("team-entered-current")).ToHaveTextAsync("5");

        // A manager follows the figure to the reports list: the same five reports, filtered by the year they were entered.
        await page.GetByTestId("team-entered-current").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/reports\\?entered=2003-01-01..2003-12-31"));
        await AppFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("filter-chip")).ToContainTextAsync("2003-01-01");
        await Assertions.Expect(page.GetByTestId("page-count")).ToHaveTextAsync("5");
        await page.GoBackAsync();
        await AppFixture.WaitInteractiveAsync(page);
        // ben reviewed his two June reports; ann published all five.
        var ben = page.GetByTestId("editor-row").Filter(new() { HasText = data.Ben });
        await Assertions.Expect(ben.GetByTestId("editor-reviewed")).ToHaveTextAsync("2");
        await ben.GetByTestId("editor-reviewed").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("reviewed=2003-01-01..2003-12-31&reviewedBy="));
        await AppFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("page-count")).ToHaveTextAsync("2");

        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/summary/quality?period=all");
        await AppFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("editor-row").Filter(new() { HasText = data.Ann })).ToBeVisibleAsync();
        // Not yet asserted: at 390 px the all-time page is still wider than the screen (scrollWidth > clientWidth), not fixed yet.
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ArtifactsDirectory, "quality-all-390-long-addresses.png"), FullPage = true });
        (await app.ProblemsAsync(page)).ShouldBeEmpty();
    }
}
