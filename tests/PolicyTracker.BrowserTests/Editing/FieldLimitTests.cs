using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PolicyTracker.BrowserTests.Support;
using PolicyTracker.Data;
using PolicyTracker.Data.Accounts;
using PolicyTracker.Data.Auditing;
using PolicyTracker.Data.Import;

namespace PolicyTracker.BrowserTests.Editing;

// Short fields with a limit never cut a paste: up to a few times the limit it arrives whole and
// the field says how long it is and what the limit is, and nothing saves until it fits; far over
// the limit the paste is refused with a note and the field is left as it was.
[Collection(AppCollection.Name)]
public sealed class FieldLimitTests(AppFixture app)
{
    // A real paste from the clipboard (Ctrl+V), the way maxlength used to cut it.
    private static async Task PasteAsync(IPage page, ILocator field, string text)
    {
        await page.EvaluateAsync("t => navigator.clipboard.writeText(t)", text);
        await field.FocusAsync();
        await field.PressAsync("Control+A");
        await field.PressAsync("Control+V");
    }

    private async Task<IPage> OpenAsync(string path, string role)
    {
        var page = await app.NewPageAsync();
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await AppFixture.SignInAsync(page, role);
        await page.GotoAsync(path);
        await AppFixture.WaitInteractiveAsync(page);
        return page;
    }

    [Fact]
    public async Task New_report_header_fields_keep_an_over_long_paste_whole_say_how_much_to_shorten_and_refuse_a_far_longer_one()
    {
        var marker = Guid.NewGuid().ToString("N");
        var page = await OpenAsync("/reports/new", Roles.Editor);
        await page.Locator("[data-testid=new-report-form][data-ready]").WaitForAsync();
        await page.Locator("textarea[data-testid=report-text]").FillAsync(
            $"Cabinet meets {marker}\n\nBERLIN, May 28 (Test Wire) -- Chancellor Friedrich Merz chaired a meeting of the Federal Cabinet on Wednesday.\n");
        await page.Locator("textarea[data-testid=report-text]").PressAsync("Tab");
        await Assertions.Expect(page.GetByTestId("text-stats")).ToContainTextAsync("KB", new() { Timeout = 15_000 });

        var headline = page.Locator("input[data-testid=headline]");
        var longHeadline = marker + new string('h', 1500 - marker.Length);
        await PasteAsync(page, headline, longHeadline);
        (await headline.InputValueAsync()).ShouldBe(longHeadline);
        await Assertions.Expect(page.GetByText("The headline is 1,500 characters; the limit is 1,000. Shorten it: nothing was cut.")).ToBeVisibleAsync();

        await PasteAsync(page, page.Locator("input[data-testid=outlet]"), new string('o', 250));
        await Assertions.Expect(page.GetByText("The outlet is 250 characters; the limit is 200.")).ToBeVisibleAsync();
        var url = "https://example.org/" + new string('u', 2100);
        await PasteAsync(page, page.Locator("input[data-testid=source-url]"), url);
        (await page.Locator("input[data-testid=source-url]").InputValueAsync()).ShouldBe(url);
        await Assertions.Expect(page.GetByText($"The source URL is {url.Length:N0} characters; the limit is 2,000.")).ToBeVisibleAsync();
        await AppFixture.ScreenshotAsync(page, "field-limits-new-report");

        // Far over the limit: refused whole, with a note; the field keeps what it had.
        await PasteAsync(page, headline, new string('x', 5000));
        await Assertions.Expect(page.Locator("#paste-refused")).ToContainTextAsync("would be 5,000 characters, and it holds at most 1,000");
        (await headline.InputValueAsync()).ShouldBe(longHeadline);
        await AppFixture.ScreenshotAsync(page, "field-limits-paste-refused");

        // Nothing saves while a field is over its limit; once shortened, all of it does.
        await page.GetByTestId("create-report").ClickAsync();
        await Assertions.Expect(page.GetByText("The headline is 1,500 characters")).ToBeVisibleAsync();
        page.Url.ShouldEndWith("/reports/new");
        await headline.FillAsync("Cabinet meets " + marker);
        await page.Locator("input[data-testid=outlet]").FillAsync("Test Wire");
        await page.Locator("input[data-testid=source-url]").FillAsync("https://example.org/" + marker);
        await page.GetByTestId("create-report").ClickAsync();
        await page.WaitForURLAsync("**/review", new() { Timeout = 30_000 });
        var stored = await app.InScopeAsync(async services =>
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<PolicyTrackerDbContext>>().CreateDbContextAsync();
            return await db.Reports.Where(r => r.Text.Contains(marker)).Select(r => new { r.Headline, r.Outlet, r.SourceUrl }).SingleAsync();
        });
        stored.Headline.ShouldBe("Cabinet meets " + marker);
        stored.Outlet.ShouldBe("Test Wire");
        stored.SourceUrl.ShouldBe("https://example.org/" + marker);
    }

    [Fact]
    public async Task Review_header_fields_have_the_columns_limits_and_an_over_long_headline_saves_nothing()
    {
        var marker = Guid.NewGuid().ToString("N");
        var id = await app.InScopeAsync(async services =>
        {
            var factory = services.GetRequiredService<IDbContextFactory<PolicyTrackerDbContext>>();
            var imported = await new ReportImporter(factory, TimeProvider.System, new SystemUser()).ImportAsync(new ImportRequest(
                $"Cabinet meets {marker}\n\nBERLIN, May 28 (Test Wire) -- Chancellor Friedrich Merz chaired a meeting of the Federal Cabinet on Wednesday.\n"));
            return imported.ReportId!.Value;
        });
        var page = await OpenAsync($"/reports/{id}/review", Roles.Editor);
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        var headline = page.Locator("input[data-testid=review-headline]");
        var original = await headline.InputValueAsync();

        var longHeadline = new string('h', 1200);
        await PasteAsync(page, headline, longHeadline);
        await headline.PressAsync("Tab");
        await Assertions.Expect(page.GetByText("The headline is 1,200 characters; the limit is 1,000.")).ToBeVisibleAsync();
        await PasteAsync(page, page.Locator("input[data-testid=review-outlet]"), new string('o', 201));
        await page.Locator("input[data-testid=review-outlet]").PressAsync("Tab");
        await Assertions.Expect(page.GetByText("The outlet is 201 characters; the limit is 200.")).ToBeVisibleAsync();
        var url = "https://example.org/" + new string('u', 1990);
        await PasteAsync(page, page.Locator("input[data-testid=review-source-url]"), url);
        await page.Locator("input[data-testid=review-source-url]").PressAsync("Tab");
        await Assertions.Expect(page.GetByText("The source URL is 2,010 characters; the limit is 2,000.")).ToBeVisibleAsync();
        await AppFixture.ScreenshotAsync(page, "field-limits-review");

        await page.GetByTestId("save-draft").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar").Last).ToContainTextAsync("The headline is 1,200 characters");
        (await headline.InputValueAsync()).ShouldBe(longHeadline);
        var stored = await app.InScopeAsync(async services =>
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<PolicyTrackerDbContext>>().CreateDbContextAsync();
            return await db.Reports.Where(r => r.Id == id).Select(r => r.Headline).SingleAsync();
        });
        stored.ShouldBe(original);
    }

    [Fact]
    public async Task A_new_users_password_or_e_mail_over_the_limit_is_never_cut_and_the_user_is_not_added()
    {
        var page = await OpenAsync("/admin/users", Roles.Admin);
        var password = page.Locator("input[data-testid=new-password]");
        await PasteAsync(page, password, new string('p', 200));
        (await password.InputValueAsync()).Length.ShouldBe(200);
        await Assertions.Expect(page.GetByText("The password is 200 characters; the limit is 128.")).ToBeVisibleAsync();

        var email = page.Locator("input[data-testid=new-email]");
        var address = new string('e', 290) + "@example.org";
        await PasteAsync(page, email, address);
        (await email.InputValueAsync()).ShouldBe(address);
        await Assertions.Expect(page.GetByText("The e-mail address is 302 characters; the limit is 254.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = Roles.Analyst, Exact = true }).CheckAsync();
        await Assertions.Expect(page.GetByTestId("add-user")).ToBeDisabledAsync();
        await AppFixture.ScreenshotAsync(page, "field-limits-users");
    }

    [Fact]
    public async Task A_token_name_over_the_limit_is_never_cut_and_no_token_is_made()
    {
        var page = await OpenAsync("/account/tokens", Roles.Analyst);
        var name = page.Locator("input[data-testid=token-name]");
        await PasteAsync(page, name, new string('n', 150));
        (await name.InputValueAsync()).Length.ShouldBe(150);
        await Assertions.Expect(page.GetByText("The name is 150 characters; the limit is 100.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("create-token")).ToBeDisabledAsync();
    }
}
