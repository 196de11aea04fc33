using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PolicyTracker.BrowserTests.Support;
using PolicyTracker.Data;
using PolicyTracker.Data.Auditing;
using PolicyTracker.Data.Import;
using PolicyTracker.IntegrationTests.Editing;

namespace PolicyTracker.BrowserTests.Editing;

[Collection(AppCollection.Name)]
public sealed class EditorWorkflowTests(AppFixture app)
{
    // Selects [start, end) of the report text in the source pane, as a drag would.
    private const string SelectScript = """
        ([start, end]) => {
          const pane = document.querySelector('[data-testid=source-text]');
          const find = pos => {
            for (const seg of pane.querySelectorAll('[data-s]')) {
              const s = Number(seg.dataset.s), len = seg.textContent.length;
              if (pos >= s && pos <= s + len && seg.firstChild) return [seg.firstChild, pos - s];
            }
            return null;
          };
          const a = find(start), b = find(end);
          const range = document.createRange();
          range.setStart(a[0], a[1]);
          range.setEnd(b[0], b[1]);
          const sel = window.getSelection();
          sel.removeAllRanges();
          sel.addRange(range);
          pane.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
        }
        """;

    [Fact]
    public async Task An_editor_pastes_a_report_corrects_a_participant_publishes_and_finds_the_meeting()
    {
        const string name = "dw-2025-05-28-german-cabinet";
        var text = GoldExtraction.Text(name);
        var page = await app.OpenAsync("/reports/new");

        await page.GetByTestId("report-text").FillAsync(text);
        await page.GetByTestId("report-text").PressAsync("Tab");
        await Assertions.Expect(page.Locator("input[data-testid=headline]")).ToHaveValueAsync(
            "German cabinet approves family reunification freeze, end of fast-track citizenship");
        await AppFixture.ScreenshotAsync(page, "new-report");
        await page.GetByTestId("create-report").ClickAsync();

        // A demo seed may already hold this report: then the editor reviews the stored one.
        var duplicate = page.GetByTestId("form-problem");
        await page.WaitForURLAsync(url => url.EndsWith("/review", StringComparison.Ordinal) || url.Contains("/reports/new", StringComparison.Ordinal));
        await Task.WhenAny(page.WaitForURLAsync("**/review"), duplicate.WaitForAsync());
        if (!page.Url.EndsWith("/review", StringComparison.Ordinal))
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "review it" }).ClickAsync();
            await page.WaitForURLAsync("**/review");
        }

        await Assertions.Expect(page.GetByTestId("source-text")).ToContainTextAsync("Friedrich Merz");

        // With the placeholder engine nothing is extracted: add the meeting by hand.
        if (await page.GetByTestId("review-meeting").CountAsync() == 0)
        {
            await page.GetByTestId("add-meeting").First.ClickAsync();
            await page.Locator("input[data-testid=edit-body]").FillAsync("Federal Cabinet");
            await page.Locator("input[data-testid=edit-body]").PressAsync("Escape");
            await page.Locator("input[data-testid=edit-date]").FillAsync("2025-05-28");
            await page.Locator("input[data-testid=edit-date]").PressAsync("Tab");
            await page.GetByTestId("apply-meeting").ClickAsync();
            await Assertions.Expect(page.GetByTestId("review-meeting")).ToHaveCountAsync(1);
        }

        var meeting = page.GetByTestId("review-meeting").First;
        var people = meeting.Locator("tr[data-kind=Person]");
        if (await people.CountAsync() == 0)
        {
            // Add the chair by selecting the name in the text.
            var at = text.IndexOf("Friedrich Merz", StringComparison.Ordinal);
            await page.EvaluateAsync(SelectScript, new[] { at, at + "Friedrich Merz".Length });
            await page.GetByTestId("add-participant-from-selection").ClickAsync();
        }
        else
        {
            await people.First.GetByTestId("edit").ClickAsync();
        }

        // The correction: the title as the report writes it.
        var title = page.Locator("input[data-testid=edit-title]");
        await title.FillAsync("Chancellor");
        await title.PressAsync("Tab");
        await page.GetByTestId("apply").ClickAsync();
        var corrected = await people.First.Locator(".fact-person").InnerTextAsync();
        await Assertions.Expect(people.First).ToContainTextAsync("Chancellor");
        await AppFixture.ScreenshotAsync(page, "review-corrected");

        await page.GetByTestId("publish").ClickAsync();
        await Assertions.Expect(page.GetByTestId("report-status")).ToHaveTextAsync("published", new() { Timeout = 15_000 });

        await page.GetByTestId("meeting-link").First.ClickAsync();
        await page.WaitForURLAsync("**/meetings/*");
        var participants = page.GetByTestId("participants");
        await Assertions.Expect(participants).ToContainTextAsync(corrected);
        await Assertions.Expect(participants).ToContainTextAsync("Chancellor");
        await AppFixture.ScreenshotAsync(page, "meeting-after-publish");
    }

    [Fact]
    public async Task The_review_page_shows_the_source_and_its_items_side_by_side()
    {
        const string name = "xinhua-2023-03-14-state-council";
        var text = GoldExtraction.Text(name);
        var services = new ServiceCollection();
        services.AddPolicyTrackerData(app.ConnectionString);
        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IDbContextFactory<PolicyTrackerDbContext>>();
        var imported = await new ReportImporter(factory, TimeProvider.System, new SystemUser(), t => GoldExtraction.For(name, t))
            .ImportAsync(new ImportRequest(text));
        var id = imported.ReportId ?? imported.ExistingReportId!.Value;

        var page = await app.OpenAsync($"/reports/{id}/review");
        var rows = page.Locator("tr[data-testid=review-item]");
        await Assertions.Expect(rows.First).ToBeVisibleAsync();

        // A click on an item marks it in the text; a click in the text selects the item.
        await rows.Nth(1).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=source-text] mark.active")).ToHaveCountAsync(1);
        await Assertions.Expect(rows.Nth(1)).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("selected"));
        await page.Locator("[data-testid=source-text] mark.fact-resolution").First.ClickAsync();
        await Assertions.Expect(page.Locator("tr.selected[data-kind=Resolution]")).ToHaveCountAsync(1);

        await AppFixture.ScreenshotAsync(page, "review-page");
    }
}
