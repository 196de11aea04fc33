using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PolicyTracker.BrowserTests.Support;
using PolicyTracker.Data;
using PolicyTracker.Data.Accounts;
using PolicyTracker.Data.Entities;
using PolicyTracker.Web.Hosting.Security;

namespace PolicyTracker.BrowserTests.Security;

[Collection(AppCollection.Name)]
public sealed class SignInTests(AppFixture app)
{
    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_and_come_back_to_the_page_they_asked_for()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/meetings");

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login\\?ReturnUrl=%2Fmeetings"));
        await page.Locator("#email").FillAsync(AccountStartup.DemoEmail(Roles.Analyst));
        await page.Locator("#password").FillAsync(AccountStartup.DemoPassword);
        await AppFixture.ScreenshotAsync(page, "sign-in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/meetings$"));
        await AppFixture.WaitInteractiveAsync(page);
        (await app.ProblemsAsync(page)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_wrong_password_shows_an_error_and_no_session()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.Locator("#email").FillAsync(AccountStartup.DemoEmail(Roles.Analyst));
        await page.Locator("#password").FillAsync("not-the-demo-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("sign-in-error")).ToBeVisibleAsync();
        (await page.Context.CookiesAsync()).ShouldNotContain(c => c.Name == "PolicyTracker.Auth");
    }

    [Fact]
    public async Task The_circuit_connects_under_the_content_security_policy_without_console_errors()
    {
        var page = await app.OpenAsync("/", Roles.Analyst);

        var response = await page.ReloadAsync();
        (await response!.HeaderValueAsync("content-security-policy")).ShouldNotBeNull().ShouldContain("frame-ancestors 'none'");
        await AppFixture.WaitInteractiveAsync(page);
        await page.GetByTestId("dark-mode").ClickAsync(); // a round trip over the circuit
        await Assertions.Expect(page.GetByTestId("user-email")).ToHaveTextAsync(AccountStartup.DemoEmail(Roles.Analyst));
        (await app.ProblemsAsync(page)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(Roles.Analyst, new[] { "Reports" }, new[] { "Users", "Audit", "Summary", "Import" })]
    [InlineData(Roles.Editor, new[] { "Reports", "Import" }, new[] { "Users", "Audit", "Summary" })]
    [InlineData(Roles.Manager, new[] { "Summary", "Reports" }, new[] { "Users", "Audit", "Import" })]
    [InlineData(Roles.Admin, new[] { "Users", "Audit", "Summary", "Reports", "Import" }, new string[0])]
    public async Task The_app_bar_shows_the_user_and_role_and_the_navigation_only_what_the_role_may_use(string role, string[] shown, string[] hidden)
    {
        var page = await app.OpenAsync("/", role);

        await Assertions.Expect(page.GetByTestId("user-email")).ToHaveTextAsync(AccountStartup.DemoEmail(role));
        await Assertions.Expect(page.GetByTestId("role-chip")).ToHaveTextAsync([role]);
        var nav = page.Locator(".mud-navmenu");
        foreach (var link in shown.Concat(["Meetings", "People"]))
        {
            await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = link, Exact = true })).ToBeVisibleAsync();
        }
        foreach (var link in hidden)
        {
            await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = link, Exact = true })).ToHaveCountAsync(0);
        }
        if (role == Roles.Admin)
        {
            await AppFixture.ScreenshotAsync(page, "app-bar-admin");
        }
    }

    [Fact]
    public async Task A_wrong_role_sees_access_denied()
    {
        var page = await app.NewPageAsync();
        await AppFixture.SignInAsync(page, Roles.Analyst);

        await page.GotoAsync("/admin/users");

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/access-denied"));
        await Assertions.Expect(page.GetByTestId("access-denied")).ToContainTextAsync("Analyst");
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var page = await app.OpenAsync("/", Roles.Editor);

        await page.GetByTestId("sign-out").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
        await page.GotoAsync("/meetings");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
    }

    [Fact]
    public async Task A_disabled_users_open_page_is_cut_off_at_once()
    {
        var email = $"cut-off-{Guid.NewGuid():N}@example.org";
        var userId = await app.InScopeAsync(async s =>
            (await s.GetRequiredService<UserAccounts>().CreateAsync(email, AccountStartup.DemoPassword, [Roles.Analyst])).UserId!);
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(AccountStartup.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await AppFixture.WaitInteractiveAsync(page);

        // As an administrator would from the users page, from outside this browser's circuit.
        (await app.InScopeAsync(s => s.GetRequiredService<UserAccounts>().SetDisabledAsync(userId, disabled: true))).Succeeded.ShouldBeTrue();

        // No reload, no click: the open circuit notices and sends the page to sign-in.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"), new() { Timeout = 5_000 });
    }

    [Fact]
    public async Task Account_form_fields_with_control_characters_or_huge_values_are_refused_with_a_message()
    {
        var page = await app.OpenAsync("/account/tokens", Roles.Analyst);
        await Input(page, "token-name").FillAsync("nightly\u202Eexport");
        await page.GetByTestId("create-token").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar").Last).ToContainTextAsync("The token name contains control characters");
        await Assertions.Expect(page.GetByTestId("token-secret")).ToHaveCountAsync(0);

        var users = await app.OpenAsync("/admin/users", Roles.Admin);
        await Input(users, "new-email").FillAsync("huge@test.example");
        await Input(users, "new-password").FillAsync(new string('p', 100_000));
        await Input(users, "new-password").PressAsync("Tab");
        // Far over the limit: the browser refuses it whole and says so, so a pasted megabyte never
        // reaches (or drops) the circuit; never cut to a password the person did not type.
        await Assertions.Expect(users.Locator("#paste-refused")).ToContainTextAsync("holds at most 128");
        (await Input(users, "new-password").InputValueAsync()).ShouldBeEmpty();
        await Input(users, "new-password").FillAsync(new string('p', 129));
        await Assertions.Expect(users.GetByText("The password is 129 characters; the limit is 128.")).ToBeVisibleAsync();
        await Assertions.Expect(users.GetByTestId("add-user")).ToBeDisabledAsync();
        await Assertions.Expect(users.GetByTestId("render-mode")).ToHaveTextAsync("interactive");
        (await app.ProblemsAsync(users)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_personal_token_created_on_the_tokens_page_works_until_revoked_there()
    {
        var page = await app.OpenAsync("/account/tokens", Roles.Analyst);

        await Input(page, "token-name").FillAsync("nightly export");
        await page.GetByTestId("create-token").ClickAsync();
        var secret = (await page.GetByTestId("token-secret").TextContentAsync())!.Trim();
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        (await http.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await AppFixture.ScreenshotAsync(page, "tokens");

        await page.GetByTestId("revoke-token").First.ClickAsync();

        await Assertions.Expect(page.GetByTestId("tokens")).ToContainTextAsync("revoked");
        (await http.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        // Done from the circuit, audited with the circuit's user and client address.
        var audit = await app.InScopeAsync(async s =>
        {
            await using var db = await s.GetRequiredService<IDbContextFactory<PolicyTrackerDbContext>>().CreateDbContextAsync();
            return await db.AuditEntries.Where(a => a.Action == AuditAction.TokenRevoked).OrderByDescending(a => a.Id).FirstAsync();
        });
        audit.UserName.ShouldBe(AccountStartup.DemoEmail(Roles.Analyst));
        audit.ClientAddress.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task The_audit_page_filters_by_action_and_keeps_the_filter_in_the_url()
    {
        await app.OpenAsync("/", Roles.Editor); // a sign-in to find
        var page = await app.OpenAsync("/admin/audit?action=SignedIn&user=editor", Roles.Admin);

        await Assertions.Expect(page.GetByTestId("audit-rows")).ToContainTextAsync(AccountStartup.DemoEmail(Roles.Editor));
        await Assertions.Expect(page.GetByTestId("audit-rows").Locator("tbody tr")).Not.ToHaveCountAsync(0);
        var actions = await page.GetByTestId("audit-rows").Locator("tbody tr td:nth-child(3)").AllTextContentsAsync();
        actions.ShouldAllBe(a => a.Trim() == "SignedIn");
        await AppFixture.ScreenshotAsync(page, "audit");
    }

    [Fact]
    public async Task An_admin_adds_a_user_on_the_users_page_who_can_then_sign_in()
    {
        var email = $"new-{Guid.NewGuid():N}@example.org";
        var page = await app.OpenAsync("/admin/users", Roles.Admin);

        await Input(page, "new-email").FillAsync(email);
        await Input(page, "new-password").FillAsync("a-long-enough-password");
        await page.GetByTestId("add-user").ClickAsync();

        await Assertions.Expect(page.Locator($"[data-testid=user-row][data-email='{email}']")).ToBeVisibleAsync();
        await AppFixture.ScreenshotAsync(page, "users");
        var other = await app.NewPageAsync();
        await other.GotoAsync("/account/login");
        await other.Locator("#email").FillAsync(email);
        await other.Locator("#password").FillAsync("a-long-enough-password");
        await other.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await AppFixture.WaitInteractiveAsync(other);
        await Assertions.Expect(other.GetByTestId("role-chip")).ToHaveTextAsync([Roles.Analyst]);
    }

    [Fact]
    public async Task Report_text_with_script_and_onerror_shows_as_inert_text()
    {
        const string Script = "<script>window.__xss = 'script'; alert('script')</script>";
        const string Image = "<img src=x onerror=\"window.__xss = 'onerror'; alert('onerror')\">";
        var meetingId = await app.InScopeAsync(async s =>
        {
            await using var db = await s.GetRequiredService<IDbContextFactory<PolicyTrackerDbContext>>().CreateDbContextAsync();
            var text = $"The commission met. It resolved that {Script} and {Image} be considered.";
            var report = new Report
            {
                Id = Guid.CreateVersion7(),
                Headline = "Hostile " + Script,
                Text = text,
                EnteredBy = "test",
                EnteredAt = DateTimeOffset.UnixEpoch,
                ContentHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text))),
                Status = ReportStatus.Published, // analysts browse only published reports
            };
            var body = new Organization { Id = Guid.CreateVersion7(), Name = $"Commission {Image} {Guid.NewGuid():N}" };
            var meeting = new Meeting { Id = Guid.CreateVersion7(), Organization = body, Session = "Session " + Script, Date = new DateOnly(2024, 5, 30) };
            meeting.Sources.Add(new MeetingSource { Id = Guid.CreateVersion7(), SourceReport = report, SpanLength = 10 });
            var resolution = new Resolution { Id = Guid.CreateVersion7(), Verb = "resolved", Text = $"that {Script} and {Image} be considered" };
            resolution.Sources.Add(new ResolutionSource { Id = Guid.CreateVersion7(), SourceReport = report, SpanStart = 20, SpanLength = 40 });
            meeting.Resolutions.Add(resolution);
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
            await PolicyTracker.Data.Records.PublishedFlags.RefreshAsync(db, [meeting.Id], default);
            return meeting.Id;
        });
        var page = await app.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
        await AppFixture.SignInAsync(page, Roles.Analyst);

        // The report page when it exists; until then the meeting page, which shows the resolution text.
        var reportPage = typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes(typeof(Microsoft.AspNetCore.Components.RouteAttribute), false))
            .Cast<Microsoft.AspNetCore.Components.RouteAttribute>()
            .Any(r => r.Template.StartsWith("/reports/{", StringComparison.OrdinalIgnoreCase));
        var path = $"/meetings/{meetingId}";
        await page.GotoAsync(path);
        await AppFixture.WaitInteractiveAsync(page);

        await Assertions.Expect(page.GetByTestId("resolutions")).ToContainTextAsync(Script);
        await Assertions.Expect(page.GetByTestId("resolutions")).ToContainTextAsync("onerror=");
        (await page.Locator("main img[src=x]").CountAsync()).ShouldBe(0);
        (await page.EvaluateAsync<string?>("window.__xss ?? null")).ShouldBeNull();
        dialogs.ShouldBeEmpty();
        _ = reportPage;
        await AppFixture.ScreenshotAsync(page, "inert-markup");
    }

    // MudTextField puts extra attributes on its input or its wrapper depending on the version: accept both.
    private static ILocator Input(IPage page, string testId) =>
        page.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;
}
