using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PolicyTracker.BrowserTests.Support;
using PolicyTracker.Data;
using PolicyTracker.Data.Accounts;

namespace PolicyTracker.BrowserTests.Editing;

// The text box is read as a stream, not bound: a paste far over the 32 KB message cap reaches the
// server whole, and the browser keeps a draft until the server has it.
[Collection(AppCollection.Name)]
public sealed class LargePasteTests(AppFixture app)
{
    private static string LongReport(string marker)
    {
        var text = new StringBuilder($"Cabinet meets on long readout {marker}\n\nBEIJING, May 30 (Test Wire) -- ");
        for (var i = 0; text.Length < 90_000; i++)
        {
            text.Append(CultureFormat($"Paragraph {i:D5}: the State Council met on Tuesday; 国务院常务会议 discussed item {i}.\n"));
        }

        return text.ToString();
    }

    // The page's script listens once it has loaded, a moment after the circuit is interactive.
    private static async Task<IPage> ReadyAsync(IPage page)
    {
        await page.Locator("[data-testid=new-report-form][data-ready]").WaitForAsync();
        return page;
    }

    private static string CultureFormat(FormattableString s) => FormattableString.Invariant(s);

    [Fact]
    public async Task A_100_KB_paste_is_saved_intact_and_the_draft_is_then_forgotten()
    {
        var text = LongReport(Guid.NewGuid().ToString("N"));
        Encoding.UTF8.GetByteCount(text).ShouldBeGreaterThan(100 * 1024);
        var page = await ReadyAsync(await app.OpenAsync("/reports/new", Roles.Editor));

        var box = page.Locator("textarea[data-testid=report-text]");
        await box.FillAsync(text);
        await box.PressAsync("Tab");
        // The server has read the whole box: its word count and size are shown.
        await Assertions.Expect(page.GetByTestId("text-stats")).ToContainTextAsync(
            CultureFormat($"{Encoding.UTF8.GetByteCount(text) / 1024.0:N1} KB"), new() { Timeout = 15_000 });
        await page.GetByTestId("create-report").ClickAsync();
        await page.WaitForURLAsync("**/review", new() { Timeout = 30_000 });

        var stored = await app.InScopeAsync(async services =>
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<PolicyTrackerDbContext>>().CreateDbContextAsync();
            return await db.Reports.Where(r => r.Text.Contains(text.Substring(30, 40))).Select(r => r.Text).SingleAsync();
        });
        stored.ShouldBe(text);
        (await page.EvaluateAsync<string?>("localStorage.getItem('policytracker:new-report-draft')")).ShouldBeNull();
        (await app.ProblemsAsync(page)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_draft_survives_a_reload_until_it_is_saved_or_discarded()
    {
        var text = LongReport(Guid.NewGuid().ToString("N"));
        var page = await ReadyAsync(await app.OpenAsync("/reports/new", Roles.Editor));
        await page.Locator("textarea[data-testid=report-text]").FillAsync(text);
        await page.Locator("textarea[data-testid=report-text]").PressAsync("Tab");
        // The server's guesses come first; then the editor corrects the outlet.
        await Assertions.Expect(page.GetByTestId("text-stats")).ToContainTextAsync("KB", new() { Timeout = 15_000 });
        await page.Locator("input[data-testid=outlet]").FillAsync("Draft Wire");
        await page.WaitForFunctionAsync("() => (localStorage.getItem('policytracker:new-report-draft') || '').includes('Draft Wire')");

        await page.ReloadAsync();
        await AppFixture.WaitInteractiveAsync(page);
        await ReadyAsync(page);

        await Assertions.Expect(page.GetByTestId("draft-restored")).ToBeVisibleAsync();
        (await page.Locator("textarea[data-testid=report-text]").InputValueAsync()).ShouldBe(text);
        await Assertions.Expect(page.Locator("input[data-testid=outlet]")).ToHaveValueAsync("Draft Wire");
        await AppFixture.ScreenshotAsync(page, "new-report-draft-restored");

        await page.GetByTestId("discard-draft").ClickAsync();
        await Assertions.Expect(page.Locator("textarea[data-testid=report-text]")).ToHaveValueAsync("");
        (await page.EvaluateAsync<string?>("localStorage.getItem('policytracker:new-report-draft')")).ShouldBeNull();
    }

    [Fact]
    public async Task The_editor_is_told_when_the_connection_drops_and_when_it_is_back()
    {
        var page = await ReadyAsync(await app.OpenAsync("/reports/new", Roles.Editor));
        await page.Locator("textarea[data-testid=report-text]").FillAsync("Typed while the connection drops.");

        // What Blazor's reconnection handler dispatches on a drop and on a successful rejoin.
        const string Dispatch = "s => document.getElementById('components-reconnect-modal').dispatchEvent(new CustomEvent('components-reconnect-state-changed', { detail: { state: s } }))";
        await page.EvaluateAsync(Dispatch, "show");
        await Assertions.Expect(page.GetByTestId("connection-note")).ToContainTextAsync("Your text is kept in this browser");
        (await page.EvaluateAsync<string>("localStorage.getItem('policytracker:new-report-draft')")).ShouldContain("Typed while the connection drops.");
        await page.EvaluateAsync(Dispatch, "hide");
        await Assertions.Expect(page.GetByTestId("connection-note")).ToContainTextAsync("The connection is back");
        await Assertions.Expect(page.Locator("#components-reconnect-back")).ToBeVisibleAsync();
    }
}
