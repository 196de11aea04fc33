using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyTracker.Data;
using PolicyTracker.Data.Accounts;
using PolicyTracker.Data.Entities;

namespace PolicyTracker.IntegrationTests.Security;

[Collection(SecurityGroup.Name)]
public sealed class SignInTests(SecurityFixture app)
{
    [Fact]
    public async Task Wrong_passwords_slow_the_account_down_but_never_lock_the_owner_out()
    {
        var email = $"lock-{Guid.NewGuid():N}@test.example";
        await app.CreateUserAsync(email, Roles.Admin);
        var client = app.NewClient();

        for (var i = 0; i < 6; i++)
        {
            var failed = await SecurityFixture.PostSignInAsync(client, email, "wrong-password-123");
            failed.StatusCode.ShouldBe(HttpStatusCode.OK, "a failed sign-in shows the form again");
        }
        var throttled = await SecurityFixture.PostSignInAsync(client, email, SecurityFixture.Password);

        throttled.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await throttled.Content.ReadAsStringAsync()).ShouldContain("Wait 1 seconds");

        // The sixth failure costs one second, not fifteen minutes.
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        var signedIn = await SecurityFixture.PostSignInAsync(client, email, SecurityFixture.Password);

        signedIn.StatusCode.ShouldBe(HttpStatusCode.Found);
        var user = await app.InScopeAsync(s => s.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email));
        user!.LockoutEnd.ShouldBeNull();
        var actions = await AuditActionsAsync(email);
        actions.Count(a => a == AuditAction.SignInFailed).ShouldBe(7);
        actions.ShouldNotContain(AuditAction.LockedOut);
        actions.ShouldContain(AuditAction.SignedIn);
    }

    [Fact]
    public async Task Sign_in_and_sign_out_are_audited_with_user_time_and_action()
    {
        var email = $"audit-{Guid.NewGuid():N}@test.example";
        await app.CreateUserAsync(email, Roles.Editor);
        (await SecurityFixture.PostSignInAsync(app.NewClient(), email, "not-the-password-1")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var client = await app.SignInAsync(email);

        var home = await client.GetStringAsync("/");
        var signOut = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SecurityFixture.AntiforgeryToken(home),
        }));

        signOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        RoleMatrixTests.Outcome(await client.GetAsync("/")).ShouldBe("sign-in");
        (await AuditActionsAsync(email)).ShouldBe([AuditAction.UserCreated, AuditAction.SignInFailed, AuditAction.SignedIn, AuditAction.SignedOut]);
    }

    [Fact]
    public async Task Sign_out_without_an_antiforgery_token_is_refused()
    {
        var client = await app.SignInAsync(SecurityFixture.EmailOf(Roles.Analyst));

        var response = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["returnUrl"] = "/" }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Disabling_a_user_cuts_off_their_signed_in_session_at_the_next_request_and_refuses_new_sign_ins()
    {
        var email = $"disable-{Guid.NewGuid():N}@test.example";
        var id = await app.CreateUserAsync(email, Roles.Analyst);
        var client = await app.SignInAsync(email);
        RoleMatrixTests.Outcome(await client.GetAsync("/")).ShouldBe("allowed");

        var result = await app.InScopeAsync(s => s.GetRequiredService<UserAccounts>().SetDisabledAsync(id, disabled: true));

        result.Succeeded.ShouldBeTrue();
        RoleMatrixTests.Outcome(await client.GetAsync("/")).ShouldBe("sign-in");
        var again = await SecurityFixture.PostSignInAsync(app.NewClient(), email, SecurityFixture.Password);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        again.Headers.Contains("Set-Cookie").ShouldBeFalse();
        (await AuditActionsAsync(email)).ShouldContain(AuditAction.Disabled);
    }

    [Fact]
    public async Task A_session_cut_off_by_disabling_stays_cut_off_when_the_user_is_enabled_again()
    {
        var email = $"reenable-{Guid.NewGuid():N}@test.example";
        var id = await app.CreateUserAsync(email, Roles.Analyst);
        var signIn = await SecurityFixture.PostSignInAsync(app.NewClient(), email, SecurityFixture.Password);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("PolicyTracker.Auth=", StringComparison.Ordinal)).Split(';')[0];
        // The old cookie replayed as it was, whatever a browser would have done with later Set-Cookie headers.
        var replay = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        replay.DefaultRequestHeaders.Add("Cookie", cookie);
        RoleMatrixTests.Outcome(await replay.GetAsync("/")).ShouldBe("allowed");

        await app.InScopeAsync(s => s.GetRequiredService<UserAccounts>().SetDisabledAsync(id, disabled: true));
        await app.InScopeAsync(s => s.GetRequiredService<UserAccounts>().SetDisabledAsync(id, disabled: false));

        RoleMatrixTests.Outcome(await replay.GetAsync("/")).ShouldBe("sign-in");
        var fresh = await app.SignInAsync(email);
        RoleMatrixTests.Outcome(await fresh.GetAsync("/")).ShouldBe("allowed");
    }

    [Fact]
    public async Task A_role_change_takes_effect_at_once_and_is_audited()
    {
        var email = $"promote-{Guid.NewGuid():N}@test.example";
        var id = await app.CreateUserAsync(email, Roles.Analyst);
        var client = await app.SignInAsync(email);
        RoleMatrixTests.Outcome(await client.GetAsync("/admin/users")).ShouldBe("denied");

        await app.InScopeAsync(s => s.GetRequiredService<UserAccounts>().SetRolesAsync(id, [Roles.Admin]));

        // The old cookie carried the old roles: it is refused, and a new sign-in carries the new ones.
        RoleMatrixTests.Outcome(await client.GetAsync("/admin/users")).ShouldBe("sign-in");
        var promoted = await app.SignInAsync(email);
        RoleMatrixTests.Outcome(await promoted.GetAsync("/admin/users")).ShouldBe("allowed");
        var change = await app.InScopeAsync(async s =>
        {
            await using var db = await s.GetRequiredService<IDbContextFactory<PolicyTrackerDbContext>>().CreateDbContextAsync();
            return await db.AuditEntries.SingleAsync(a => a.EntityId == email && a.Action == AuditAction.RolesChanged);
        });
        change.NewValues!.ShouldContain("Admin");
        change.NewValues!.ShouldContain("Analyst");
    }

    [Fact]
    public async Task The_last_active_administrator_cannot_be_disabled_or_demoted()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var admins = await users.GetUsersInRoleAsync(Roles.Admin);
        if (admins.Count(a => !a.IsDisabled) != 1)
        {
            return; // another test made a second administrator; the rule is about the last one
        }

        (await accounts.SetDisabledAsync(admins[0].Id, disabled: true)).Succeeded.ShouldBeFalse();
        (await accounts.SetRolesAsync(admins[0].Id, [Roles.Analyst])).Succeeded.ShouldBeFalse();
    }

    [Fact]
    public async Task A_sign_in_link_to_another_site_lands_on_the_home_page()
    {
        var client = app.NewClient();
        var form = await client.GetStringAsync("/account/login?ReturnUrl=%2F%2Fevil.example%2F");
        var response = await client.PostAsync("/account/login?ReturnUrl=%2F%2Fevil.example%2F", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = SecurityFixture.AntiforgeryToken(form),
            ["Input.Email"] = SecurityFixture.EmailOf(Roles.Analyst),
            ["Input.Password"] = SecurityFixture.Password,
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.Found);
        response.Headers.Location!.ToString().ShouldNotContain("evil.example");
    }

    [Fact]
    public async Task The_first_administrator_is_created_from_the_command_line_and_can_sign_in()
    {
        var email = $"first-admin-{Guid.NewGuid():N}@test.example";
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = await Cli.Commands.UsersCommand.RunAsync(
            ["add", "--email", email, "--role", "Admin", "--connection", app.ConnectionString], stdout, stderr, () => "cli-password-12345");

        code.ShouldBe(0, stderr.ToString());
        var client = await app.SignInAsync(email, "cli-password-12345");
        RoleMatrixTests.Outcome(await client.GetAsync("/admin/users")).ShouldBe("allowed");
        (await Cli.Commands.UsersCommand.RunAsync(["add", "--email", email, "--role", "Nobody", "--connection", app.ConnectionString],
            stdout, stderr, () => "x")).ShouldNotBe(0);
    }

    [Fact]
    public async Task A_sign_in_post_without_an_antiforgery_token_is_refused()
    {
        var response = await app.NewClient().PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.Email"] = SecurityFixture.EmailOf(Roles.Analyst),
            ["Input.Password"] = SecurityFixture.Password,
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Headers.Contains("Set-Cookie").ShouldBeFalse();
    }

    [Fact]
    public async Task Changing_the_password_signs_out_the_users_other_sessions_but_not_this_one()
    {
        var email = $"password-{Guid.NewGuid():N}@test.example";
        await app.CreateUserAsync(email, Roles.Analyst);
        var elsewhere = await app.SignInAsync(email);
        var here = await app.SignInAsync(email);
        var form = await here.GetStringAsync("/account/password");

        var changed = await here.PostAsync("/account/password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "change-password",
            ["__RequestVerificationToken"] = SecurityFixture.AntiforgeryToken(form),
            ["Input.Current"] = SecurityFixture.Password,
            ["Input.New"] = "a-brand-new-password",
            ["Input.Confirm"] = "a-brand-new-password",
        }));

        var html = await changed.Content.ReadAsStringAsync();
        html.ShouldContain("Password changed", customMessage: System.Text.RegularExpressions.Regex.Match(html, "<main.*</main>", System.Text.RegularExpressions.RegexOptions.Singleline).Value);
        RoleMatrixTests.Outcome(await here.GetAsync("/")).ShouldBe("allowed");
        RoleMatrixTests.Outcome(await elsewhere.GetAsync("/")).ShouldBe("sign-in");
        await app.SignInAsync(email, "a-brand-new-password");
        (await AuditActionsAsync(email)).ShouldContain(AuditAction.PasswordChanged);
    }

    [Fact]
    public async Task Changing_to_a_password_from_the_shipped_common_list_is_refused_and_the_old_one_still_works()
    {
        var email = $"common-{Guid.NewGuid():N}@test.example";
        await app.CreateUserAsync(email, Roles.Analyst);
        var here = await app.SignInAsync(email);
        var form = await here.GetStringAsync("/account/password");
        // A line of Accounts/common-passwords.txt (the embedded list), long enough for every other rule.
        const string common = "iloveyou1234";
        CommonPasswordValidator.IsCommon(common).ShouldBeTrue();

        var refused = await here.PostAsync("/account/password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "change-password",
            ["__RequestVerificationToken"] = SecurityFixture.AntiforgeryToken(form),
            ["Input.Current"] = SecurityFixture.Password,
            ["Input.New"] = common,
            ["Input.Confirm"] = common,
        }));

        var html = await refused.Content.ReadAsStringAsync();
        html.ShouldContain("too easy to guess");
        html.ShouldNotContain("Password changed");
        await app.SignInAsync(email, SecurityFixture.Password);
    }

    private async Task<List<AuditAction>> AuditActionsAsync(string email) => await app.InScopeAsync(async s =>
    {
        await using var db = await s.GetRequiredService<IDbContextFactory<PolicyTrackerDbContext>>().CreateDbContextAsync();
        return await db.AuditEntries.Where(a => a.EntityId == email).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
    });
}
