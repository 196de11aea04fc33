using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PolicyTracker.BrowserTests.Support;
using PolicyTracker.Data;
using PolicyTracker.Data.Accounts;

namespace PolicyTracker.BrowserTests.Editing;

// Issue 10: after an upload, the first edit in the text box broke the connection and the report was
// stored without it. The uploaded text is in the browser's box; what the editor types there is saved.
[Collection(AppCollection.Name)]
public sealed class UploadEditTests(AppFixture app)
{
    [Fact]
    public async Task An_edit_typed_into_the_box_after_an_upload_over_32_KB_is_in_the_stored_report()
    {
        var marker = Guid.NewGuid().ToString("N");
        var text = new StringBuilder($"Cabinet meets on uploaded readout {marker}\n\nBERLIN, May 28 (Test Wire) -- Chancellor Friedrich Merz chaired a meeting of the Federal Cabinet on Wednesday.\n");
        for (var i = 0; text.Length < 40_000; i++)
        {
            text.Append(FormattableString.Invariant($"Paragraph {i:D4}: the cabinet discussed rail item {i} and approved it.\n"));
        }
        var file = Path.Combine(Directory.CreateTempSubdirectory("pt-upload-edit-").FullName, "cabinet.txt");
        await File.WriteAllTextAsync(file, text.ToString());
        var page = await app.OpenAsync("/reports/new", Roles.Editor);
        await page.Locator("[data-testid=new-report-form][data-ready]").WaitForAsync();

        await page.Locator("[data-testid=new-report-form] input[type=file]").SetInputFilesAsync(file);
        await Assertions.Expect(page.Locator(".mud-snackbar").Last).ToContainTextAsync("Read cabinet.txt", new() { Timeout = 15_000 });
        var box = page.Locator("textarea[data-testid=report-text]");
        await Assertions.Expect(box).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(marker));
        await Assertions.Expect(page.Locator("input[data-testid=headline]")).ToHaveValueAsync($"Cabinet meets on uploaded readout {marker}");

        var uploaded = await box.InputValueAsync();
        uploaded.Length.ShouldBeGreaterThan(32 * 1024);

        // Typed at the end of the box, key by key, then straight to the save button.
        await box.FocusAsync();
        await box.PressAsync("Control+End");
        var edit = $"\nEdited after the upload {marker}.";
        await box.PressSequentiallyAsync(edit);
        await page.GetByTestId("create-report").ClickAsync();
        // The save extracts a 40 KB report; on CI it can be the app's first extraction, on two cores shared with
        // the integration tests (it took over 30 s there, 6 s alone).
        await page.WaitForURLAsync("**/review", new() { Timeout = 120_000 });

        var stored = await app.InScopeAsync(async services =>
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<PolicyTrackerDbContext>>().CreateDbContextAsync();
            return await db.Reports.Where(r => r.Text.Contains(marker)).Select(r => r.Text).SingleAsync();
        });
        stored.ShouldBe(uploaded + edit);
        (await app.ProblemsAsync(page)).ShouldBeEmpty();
    }
}
