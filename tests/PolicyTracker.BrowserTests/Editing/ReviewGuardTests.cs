using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PolicyTracker.BrowserTests.Support;
using PolicyTracker.Data;
using PolicyTracker.Data.Accounts;
using PolicyTracker.Data.Auditing;
using PolicyTracker.Data.Entities;
using PolicyTracker.Data.Import;
using PolicyTracker.TestSupport;

namespace PolicyTracker.BrowserTests.Editing;

// The review page refuses a publication date outside 1900 to tomorrow with a message and saves
// nothing; saving from the new-report form leaves no error in the log.
[Collection(AppCollection.Name)]
public sealed class ReviewGuardTests(AppFixture app)
{
    private static string Report(string marker) =>
        $"Cabinet meets {marker}\n\nBERLIN, May 28 (Test Wire) -- Chancellor Friedrich Merz chaired a meeting of the Federal Cabinet on Wednesday. The meeting approved a plan on rail item {marker}.\n";

    private async Task<Guid> ImportAsync(string text) => await app.InScopeAsync(async services =>
    {
        var factory = services.GetRequiredService<IDbContextFactory<PolicyTrackerDbContext>>();
        var imported = await new ReportImporter(factory, TimeProvider.System, new SystemUser()).ImportAsync(new ImportRequest(text));
        imported.Succeeded.ShouldBeTrue(imported.Message);
        return imported.ReportId!.Value;
    });

    private Task<DateOnly?> StoredPublishedAsync(Guid id) => app.InScopeAsync(async services =>
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<PolicyTrackerDbContext>>().CreateDbContextAsync();
        return await db.Reports.Where(r => r.Id == id).Select(r => r.Published).SingleAsync();
    });

    [Fact]
    public async Task A_publication_date_outside_1900_to_tomorrow_is_refused_with_a_message_and_nothing_is_saved()
    {
        var id = await ImportAsync(Report(Guid.NewGuid().ToString("N")));
        var stored = await StoredPublishedAsync(id);
        var page = await app.OpenAsync($"/reports/{id}/review", Roles.Editor);
        var field = page.Locator("input[data-testid=review-published]");

        foreach (var bad in new[] { "0001-01-01", "1899-12-31", TimeProvider.System.GetUtcNow().AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) })
        {
            await field.FillAsync(bad);
            await field.PressAsync("Tab");
            await Assertions.Expect(page.Locator(".mud-input-helper-text.mud-input-error")).ToContainTextAsync("The publication date must be from 1900-01-01", new() { Timeout = 30_000 });
            await page.GetByTestId("save-draft").ClickAsync();
            await Assertions.Expect(page.Locator(".mud-snackbar").Last).ToContainTextAsync("Nothing was saved", new() { Timeout = 30_000 });
            (await StoredPublishedAsync(id)).ShouldBe(stored, bad);
            await AppFixture.ScreenshotAsync(page, "review-published-refused");
            // The message covers the buttons; a fresh page for the next value.
            await page.ReloadAsync();
            await AppFixture.WaitInteractiveAsync(page);
        }

        await field.FillAsync("2025-05-28");
        await field.PressAsync("Tab");
        await Assertions.Expect(page.Locator(".mud-input-helper-text.mud-input-error")).ToHaveCountAsync(0);
        await page.GetByTestId("save-draft").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar").Last).ToContainTextAsync("Draft saved", new() { Timeout = 30_000 });
        (await StoredPublishedAsync(id)).ShouldBe(new DateOnly(2025, 5, 28));
        (await app.ProblemsAsync(page)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Saving_from_the_new_report_form_then_saving_the_review_and_closing_the_page_logs_no_error_or_warning()
    {
        var log = new CapturedLog();
        await using var database = await TestDatabase.CreateAsync("pt_quiet");
        await using var factory = new AppFactory(database.ConnectionString, new AppOptions
        {
            SignInAttemptsPerMinute = 1000,
            LogLevel = "Information",
            Log = log,
        });
        var baseUrl = factory.StartKestrel();
        var context = await app.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1440, Height = 900 }, BaseURL = baseUrl });
        var page = await context.NewPageAsync();
        await AppFixture.SignInAsync(page, Roles.Editor);
        await page.GotoAsync("/reports/new");
        await AppFixture.WaitInteractiveAsync(page);
        await page.Locator("[data-testid=new-report-form][data-ready]").WaitForAsync();

        await page.Locator("textarea[data-testid=report-text]").FillAsync(Report(Guid.NewGuid().ToString("N")));
        await page.Locator("textarea[data-testid=report-text]").PressAsync("Tab");
        await Assertions.Expect(page.GetByTestId("text-stats")).ToContainTextAsync("KB", new() { Timeout = 15_000 });
        await page.GetByTestId("create-report").ClickAsync();
        await page.WaitForURLAsync("**/review", new() { Timeout = 30_000 });
        await AppFixture.WaitInteractiveAsync(page);
        await page.GetByTestId("save-draft").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar").Last).ToContainTextAsync("Draft saved", new() { Timeout = 30_000 });

        // Save and close: the tab goes while the publish is still running on the server.
        var second = await context.NewPageAsync();
        await second.GotoAsync(page.Url);
        await AppFixture.WaitInteractiveAsync(second);
        var id = Guid.Parse(new Uri(page.Url).Segments[^2].TrimEnd('/'));
        await second.Locator("input[data-testid=review-headline]").FillAsync("Published as the tab closed");
        await second.Locator("input[data-testid=review-headline]").PressAsync("Tab");
        await second.GetByTestId("publish").ClickAsync();
        await second.CloseAsync();
        // The circuit ends with the page.
        await context.CloseAsync();
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(30);
        while (await StatusAsync(factory, id) != ReportStatus.Published && TimeProvider.System.GetUtcNow() < deadline)
        {
            await Task.Delay(200);
        }

        (await StatusAsync(factory, id)).ShouldBe(ReportStatus.Published);
        // What the server does after the save (reload, suggestions, the circuit's end) has time to log.
        await Task.Delay(3_000);

        var events = log.Events;
        events.ShouldContain(e => e.RenderMessage(null).Contains("saved as a draft from the form", StringComparison.Ordinal));
        events.Where(e => e.Level >= Serilog.Events.LogEventLevel.Warning && !Expected(e))
            .Select(e => $"{e.Level} {e.Properties.GetValueOrDefault("SourceContext")}: {e.RenderMessage(null)} {e.Exception}").ShouldBeEmpty();
    }

    // Warnings that say something true about the test's own set-up, not about the flow.
    private static bool Expected(Serilog.Events.LogEvent e) =>
        e.MessageTemplate.Text.Contains("XML encryptor", StringComparison.Ordinal)
        || e.MessageTemplate.Text.Contains("Storing keys in a directory", StringComparison.Ordinal);

    private static Task<ReportStatus> StatusAsync(AppFactory factory, Guid id) => factory.InScopeAsync(async services =>
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<PolicyTrackerDbContext>>().CreateDbContextAsync();
        return await db.Reports.Where(r => r.Id == id).Select(r => r.Status).SingleAsync();
    });
}
