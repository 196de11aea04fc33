using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PolicyTracker.BrowserTests.Support;
using PolicyTracker.Data;
using PolicyTracker.Data.Accounts;

namespace PolicyTracker.BrowserTests.Editing;

// The new-report page while the connection drops for real (the circuit's websocket cut, the
// browser offline): the editor is told, the long report and the corrected fields stay, the page
// says when the connection is back, and after a reload too the report is saved whole.
[Collection(AppCollection.Name)]
public sealed class NewReportConnectionTests(AppFixture app)
{
    private const string DraftKey = "policytracker:new-report-draft";

    private static string LongReport(string marker)
    {
        var text = new StringBuilder($"Cabinet meets on a dropped connection {marker}\n\nBEIJING, May 30 (Test Wire) -- ");
        for (var i = 0; text.Length < 60_000; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"Paragraph {i:D5}: the State Council met on Tuesday; 国务院常务会议 discussed item {i}.\n");
        }

        return text.ToString();
    }

    [Fact]
    public async Task A_long_report_typed_before_the_connection_drops_is_kept_through_the_drop_and_a_reload_and_saved_whole()
    {
        var marker = Guid.NewGuid().ToString("N");
        var text = LongReport(marker);
        var page = await app.NewPageAsync();
        await page.AddInitScriptAsync(CircuitSocket.TrackReconnectStates);
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await AppFixture.SignInAsync(page, Roles.Editor);
        var socket = new CircuitSocket();
        await socket.RouteAsync(page);
        await page.GotoAsync("/reports/new");
        await AppFixture.WaitInteractiveAsync(page);
        await page.Locator("[data-testid=new-report-form][data-ready]").WaitForAsync();

        var box = page.Locator("textarea[data-testid=report-text]");
        var outlet = page.Locator("input[data-testid=outlet]");
        await box.FillAsync(text);
        await box.PressAsync("Tab");
        await Assertions.Expect(page.GetByTestId("text-stats")).ToContainTextAsync("KB", new() { Timeout = 30_000 });
        await outlet.FillAsync("Drop Wire " + marker);
        await page.WaitForFunctionAsync("([k, m]) => (localStorage.getItem(k) || '').includes('Drop Wire ' + m)", new[] { DraftKey, marker });

        await page.Context.SetOfflineAsync(true);
        await socket.CutAsync();
        await page.WaitForFunctionAsync("() => window.__reconnectStates.includes('show')", null, new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#components-reconnect-modal[open]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#components-reconnect-modal")).ToContainTextAsync("Nothing is lost");
        await AppFixture.ScreenshotAsync(page, "new-report-connection-lost");
        (await box.InputValueAsync()).ShouldBe(text);

        await page.Context.SetOfflineAsync(false);
        await page.WaitForFunctionAsync("() => window.__reconnectStates.includes('hide')", null, new() { Timeout = 30_000 });
        (await page.EvaluateAsync<string[]>("() => window.__reconnectStates")).ShouldNotContain("rejected");
        await Assertions.Expect(page.Locator("#components-reconnect-back")).ToBeVisibleAsync();
        socket.Opened.ShouldBe(2);
        (await box.InputValueAsync()).ShouldBe(text);
        await Assertions.Expect(outlet).ToHaveValueAsync("Drop Wire " + marker);

        // A new circuit (a reload; the same after a restarted server) puts the draft back.
        await page.ReloadAsync();
        await AppFixture.WaitInteractiveAsync(page);
        await page.Locator("[data-testid=new-report-form][data-ready]").WaitForAsync();
        await Assertions.Expect(page.GetByTestId("draft-restored")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        (await box.InputValueAsync()).ShouldBe(text);
        await Assertions.Expect(outlet).ToHaveValueAsync("Drop Wire " + marker);

        await page.GetByTestId("create-report").ClickAsync();
        await page.WaitForURLAsync("**/review", new() { Timeout = 60_000 });
        var stored = await app.InScopeAsync(async services =>
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<PolicyTrackerDbContext>>().CreateDbContextAsync();
            return await db.Reports.Where(r => r.Outlet == "Drop Wire " + marker).Select(r => r.Text).SingleAsync();
        });
        stored.ShouldBe(text);
        (await page.EvaluateAsync<string?>($"localStorage.getItem('{DraftKey}')")).ShouldBeNull();
        (await app.ProblemsAsync(page)).Where(p => !p.Contains("negotiation", StringComparison.Ordinal) && !p.Contains("ERR_INTERNET_DISCONNECTED", StringComparison.Ordinal)
            && !p.Contains("WebSocket", StringComparison.OrdinalIgnoreCase) && !p.Contains("connection", StringComparison.OrdinalIgnoreCase)).ShouldBeEmpty();
    }
}
