using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PolicyTracker.BrowserTests.Support;
using PolicyTracker.Data.Accounts;
using PolicyTracker.Web.Hosting.Security;

namespace PolicyTracker.BrowserTests.Security;

/// <summary>The audit page opened fresh: from a new browser through the sign-in, reloaded (a new prerender with
/// its filters in the address) and as a role that may not see it. The prerender must not navigate (a filter
/// field echoing its value would redirect, or throw while the response is written), and neither the browser
/// nor the server logs an error.</summary>
[Collection(AppCollection.Name)]
public sealed class AuditPageTests(AppFixture app)
{
    [Fact]
    public async Task The_audit_page_opened_fresh_with_filters_keeps_its_address_and_logs_no_error_in_the_browser_or_the_server()
    {
        var mark = app.ServerLog.Mark();
        const string Path = "/admin/audit?user=admin&entity=Meeting&action=SignedIn&from=2020-01-02&to=2026-06-30&page=2";
        var page = await app.NewPageAsync();

        // Signed out: the sign-in page, which goes back to the filtered audit page.
        await page.GotoAsync(Path);
        await page.WaitForURLAsync(new Regex("/account/login"));
        await page.Locator("#email").FillAsync(AccountStartup.DemoEmail(Roles.Admin));
        await page.Locator("#password").FillAsync(AccountStartup.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/admin/audit\\?"));
        await AppFixture.WaitInteractiveAsync(page);
        await ExpectFilteredPageAsync(page);

        // Reloaded: a new prerender of the same address, then a new circuit.
        await page.ReloadAsync();
        await AppFixture.WaitInteractiveAsync(page);
        await ExpectFilteredPageAsync(page);

        // Opened without a filter, and from the navigation of another page.
        await page.GotoAsync("/");
        await AppFixture.WaitInteractiveAsync(page);
        await page.Locator("a[href='/admin/audit']").First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin/audit$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Audit");
        await Assertions.Expect(page.GetByTestId("audit-rows")).ToBeVisibleAsync();

        (await app.ProblemsAsync(page)).ShouldBeEmpty();
        app.ServerLog.ErrorsSince(mark).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_editor_who_opens_the_audit_page_is_told_no_and_nothing_is_logged_as_an_error()
    {
        var mark = app.ServerLog.Mark();
        var page = await app.NewPageAsync();
        await AppFixture.SignInAsync(page, Roles.Editor);

        var response = await page.GotoAsync("/admin/audit?action=SignedIn");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/access-denied"));
        response.ShouldNotBeNull();
        (await app.ProblemsAsync(page)).Where(p => !p.Contains("403", StringComparison.Ordinal)).ShouldBeEmpty();
        app.ServerLog.ErrorsSince(mark).ShouldBeEmpty();
    }

    private static async Task ExpectFilteredPageAsync(IPage page)
    {
        // The address stays what was asked: no redirect, no filter dropped or added by the page itself.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(
            "/admin/audit\\?user=admin&entity=Meeting&action=SignedIn&from=2020-01-02&to=2026-06-30&page=2$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Audit");
        await Assertions.Expect(page.Locator("input[data-testid=filter-from]")).ToHaveValueAsync("2020-01-02");
        await Assertions.Expect(page.Locator("input[data-testid=filter-to]")).ToHaveValueAsync("2026-06-30");
        await Assertions.Expect(page.Locator("[data-testid=filter-user] input, input[data-testid=filter-user]").First).ToHaveValueAsync("admin");
        // No meeting is signed in to: the empty state, not a blank page or an error.
        await Assertions.Expect(page.GetByText("No audit entries match this filter.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
    }
}
