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
}
