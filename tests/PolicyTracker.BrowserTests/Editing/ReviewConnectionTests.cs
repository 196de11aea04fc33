using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PolicyTracker.BrowserTests.Support;
using PolicyTracker.Data;
using PolicyTracker.Data.Accounts;
using PolicyTracker.Data.Auditing;
using PolicyTracker.Data.Entities;
using PolicyTracker.Data.Import;

namespace PolicyTracker.BrowserTests.Editing;

// The review page keeps the editor's unsaved changes in the browser until the server confirms a
// save: the connection drops for real (websocket closed, browser offline), comes back, and even a
// reload onto a new circuit loses nothing.
[Collection(AppCollection.Name)]
public sealed class ReviewConnectionTests(AppFixture app)
{
    private static string Report(string marker) =>
        $"Cabinet meets {marker}\n\nBERLIN, May 28 (Test Wire) -- Chancellor Friedrich Merz chaired a meeting of the Federal Cabinet on Wednesday. "
        + $"Vice Chancellor Lars Klingbeil attended. The meeting approved a plan on rail item {marker}.\n";

    private Task<(string Headline, int Accepted)> StoredAsync(Guid id) => app.InScopeAsync(async services =>
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<PolicyTrackerDbContext>>().CreateDbContextAsync();
        var headline = await db.Reports.Where(r => r.Id == id).Select(r => r.Headline).SingleAsync();
        var accepted = await db.ParticipationSources.CountAsync(s => s.SourceReportId == id && s.Verdict == Verdict.Accepted);
        return (headline, accepted);
    });

    [Fact]
    public async Task Changes_made_before_the_connection_drops_survive_the_drop_and_a_reload_and_are_saved_once_restored()
    {
        var marker = Guid.NewGuid().ToString("N");
        var id = await app.InScopeAsync(async services =>
        {
            var factory = services.GetRequiredService<IDbContextFactory<PolicyTrackerDbContext>>();
            var imported = await new ReportImporter(factory, TimeProvider.System, new SystemUser()).ImportAsync(new ImportRequest(Report(marker)));
            imported.Succeeded.ShouldBeTrue(imported.Message);
            return imported.ReportId!.Value;
        });
        var key = $"policytracker:review-draft:{id}";
        var page = await app.NewPageAsync();
        await page.AddInitScriptAsync(CircuitSocket.TrackReconnectStates);
        // Unsaved changes make a reload ask first; the editor confirms.
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await AppFixture.SignInAsync(page, Roles.Editor);
        var socket = new CircuitSocket();
        await socket.RouteAsync(page);
        await page.GotoAsync($"/reports/{id}/review");
        await AppFixture.WaitInteractiveAsync(page);

        var headline = page.Locator("input[data-testid=review-headline]");
        var edited = "Edited before the drop " + marker;
        await headline.FillAsync(edited);
        await headline.PressAsync("Tab");
        await Assertions.Expect(page.GetByTestId("unsaved")).ToBeVisibleAsync();
        // The server has written its copy into the browser.
        await page.WaitForFunctionAsync("k => (localStorage.getItem(k) || '').includes('Edited before the drop')", key);
        var participants = await page.Locator("tr[data-kind=Person]").CountAsync();
        participants.ShouldBeGreaterThan(0);
        // The server has taken the acceptance (its note is on the page); the copy of it may still
        // be on its way to the browser when the connection drops, and must then go again after.
        await page.GetByTestId("accept-all").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar").Last).ToContainTextAsync("accepted as they are");

        // The connection drops (offline, so the rejoin cannot reach the server either): Blazor
        // sees it, the editor is told, and the page cannot be typed into meanwhile.
        socket.Opened.ShouldBe(1);
        await page.Context.SetOfflineAsync(true);
        await socket.CutAsync();
        await page.WaitForFunctionAsync("() => window.__reconnectStates.includes('show')", null, new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#components-reconnect-modal[open]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#components-reconnect-modal")).ToContainTextAsync("The connection to the server was lost");
        await AppFixture.ScreenshotAsync(page, "review-connection-lost");

        // It comes back: the same circuit, the changes still on the page, and the editor is told.
        await page.Context.SetOfflineAsync(false);
        await page.WaitForFunctionAsync("() => window.__reconnectStates.includes('hide')", null, new() { Timeout = 30_000 });
        (await page.EvaluateAsync<string[]>("() => window.__reconnectStates")).ShouldNotContain("rejected");
        await Assertions.Expect(page.Locator("#components-reconnect-back")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#components-reconnect-modal[open]")).ToHaveCountAsync(0);
        socket.Opened.ShouldBe(2);
        await Assertions.Expect(headline).ToHaveValueAsync(edited);
        await Assertions.Expect(page.GetByTestId("unsaved")).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("k => (JSON.parse(localStorage.getItem(k) || '{}').copy || '').includes('\"inBulk\":true')", key, new() { Timeout = 30_000 });

        // A new circuit (a reload; the same after a restarted server) starts from the stored report
        // and puts back what the browser kept.
        await page.ReloadAsync();
        await AppFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("review-draft-restored")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(headline).ToHaveValueAsync(edited);
        await Assertions.Expect(page.GetByTestId("unsaved")).ToBeVisibleAsync();
        await AppFixture.ScreenshotAsync(page, "review-draft-restored");
        (await StoredAsync(id)).Headline.ShouldNotBe(edited);

        await page.GetByTestId("save-draft").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar").Last).ToContainTextAsync("Draft saved");
        var stored = await StoredAsync(id);
        stored.Headline.ShouldBe(edited);
        stored.Accepted.ShouldBe(participants);
        // Confirmed: the browser forgets its copy, and the next visit restores nothing.
        await page.WaitForFunctionAsync("k => localStorage.getItem(k) === null", key);
        await page.ReloadAsync();
        await AppFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(headline).ToHaveValueAsync(edited);
        await Assertions.Expect(page.GetByTestId("review-draft-restored")).ToHaveCountAsync(0);
        // SignalR reports each failed rejoin while offline on the console; nothing else may.
        (await app.ProblemsAsync(page)).Where(p => !p.Contains("negotiation", StringComparison.Ordinal) && !p.Contains("ERR_INTERNET_DISCONNECTED", StringComparison.Ordinal)
            && !p.Contains("WebSocket", StringComparison.OrdinalIgnoreCase) && !p.Contains("connection", StringComparison.OrdinalIgnoreCase)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Discarding_the_restored_changes_shows_the_stored_report_and_forgets_them()
    {
        var marker = Guid.NewGuid().ToString("N");
        var id = await app.InScopeAsync(async services =>
        {
            var factory = services.GetRequiredService<IDbContextFactory<PolicyTrackerDbContext>>();
            var imported = await new ReportImporter(factory, TimeProvider.System, new SystemUser()).ImportAsync(new ImportRequest(Report(marker)));
            return imported.ReportId!.Value;
        });
        var page = await app.OpenAsync($"/reports/{id}/review", Roles.Editor);
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        var headline = page.Locator("input[data-testid=review-headline]");
        var original = await headline.InputValueAsync();
        await headline.FillAsync("Changed and then discarded");
        await headline.PressAsync("Tab");
        await page.WaitForFunctionAsync("k => (localStorage.getItem(k) || '').includes('Changed and then discarded')", $"policytracker:review-draft:{id}");

        await page.ReloadAsync();
        await AppFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(headline).ToHaveValueAsync("Changed and then discarded");
        await page.GetByTestId("discard-review-draft").ClickAsync();
        await Assertions.Expect(headline).ToHaveValueAsync(original);
        await Assertions.Expect(page.GetByTestId("unsaved")).ToHaveCountAsync(0);
        (await page.EvaluateAsync<string?>("k => localStorage.getItem(k)", $"policytracker:review-draft:{id}")).ShouldBeNull();
    }
}
