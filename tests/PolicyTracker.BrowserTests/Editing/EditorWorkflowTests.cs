using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PolicyTracker.BrowserTests.Support;
using PolicyTracker.Data;
using PolicyTracker.Data.Auditing;
using PolicyTracker.Data.Import;
using PolicyTracker.IntegrationTests.Editing;
using PolicyTracker.TestSupport;

namespace PolicyTracker.BrowserTests.Editing;

[Collection(AppCollection.Name)]
public sealed class EditorWorkflowTests(AppFixture app)
{
    // Selects [start, end) of the report text in the source pane, as a drag would.
    internal const string SelectScript = """
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

    [CorpusFact]
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

    [CorpusFact]
    public async Task The_review_page_shows_the_source_and_its_items_side_by_side()
    {
        var id = await ImportAsync("xinhua-2023-03-14-state-council");

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

    [CorpusFact]
    public async Task Two_editors_saving_the_same_participant_the_second_sees_the_change_and_keeps_his()
    {
        var id = await ImportAsync("aap-2022-09-30-national-cabinet");
        var alice = await app.OpenAsync($"/reports/{id}/review");
        var bob = await app.OpenAsync($"/reports/{id}/review");

        await EditFirstTitleAsync(alice, "Prime Minister of Australia");
        await alice.GetByTestId("save-draft").ClickAsync();
        await Assertions.Expect(alice.GetByTestId("unsaved")).ToHaveCountAsync(0);

        await EditFirstTitleAsync(bob, "PM");
        await bob.GetByTestId("save-draft").ClickAsync();

        var conflicts = bob.GetByTestId("conflicts");
        await Assertions.Expect(conflicts).ToContainTextAsync("Prime Minister of Australia");
        await Assertions.Expect(conflicts).ToContainTextAsync("yours:");
        await AppFixture.ScreenshotAsync(bob, "review-conflict");
        await bob.GetByTestId("keep-mine").ClickAsync();
        await Assertions.Expect(bob.GetByTestId("unsaved")).ToHaveCountAsync(0);
        await Assertions.Expect(bob.Locator("tr[data-kind=Person]").First).ToContainTextAsync("PM");
    }

    [CorpusFact]
    public async Task A_removed_participant_is_restored_from_the_history_tab()
    {
        var id = await ImportAsync("asahi-2022-12-16-cabinet");
        var page = await app.OpenAsync($"/reports/{id}/review");
        var people = page.Locator("tr[data-kind=Person]");
        var name = await people.First.Locator(".fact-person").InnerTextAsync();
        var count = await people.CountAsync();

        await people.First.GetByTestId("remove").ClickAsync();
        await page.GetByTestId("save-draft").ClickAsync();
        await Assertions.Expect(people).ToHaveCountAsync(count - 1);

        await page.GetByRole(AriaRole.Tab, new() { Name = "History" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("history")).ToContainTextAsync($"removed participant {name}");
        await AppFixture.ScreenshotAsync(page, "review-history");
        await page.GetByTestId("restore").First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("history")).ToContainTextAsync($"restored participant {name}");

        await page.GetByRole(AriaRole.Tab).First.ClickAsync();
        await Assertions.Expect(people).ToHaveCountAsync(count);
    }

    private static async Task EditFirstTitleAsync(IPage page, string title)
    {
        await page.Locator("tr[data-kind=Person]").First.GetByTestId("edit").ClickAsync();
        var input = page.Locator("input[data-testid=edit-title]");
        await input.FillAsync(title);
        await input.PressAsync("Tab");
        await page.GetByTestId("apply").ClickAsync();
    }

    private async Task<Guid> ImportAsync(string name)
    {
        var text = GoldExtraction.Text(name);
        var services = new ServiceCollection();
        services.AddPolicyTrackerData(app.ConnectionString);
        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IDbContextFactory<PolicyTrackerDbContext>>();
        var imported = await new ReportImporter(factory, TimeProvider.System, new SystemUser(), t => GoldExtraction.For(name, t))
            .ImportAsync(new ImportRequest(text));
        return imported.ReportId ?? imported.ExistingReportId!.Value;
    }
}
