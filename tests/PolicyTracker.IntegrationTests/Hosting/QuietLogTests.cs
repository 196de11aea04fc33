using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using PolicyTracker.Data.Accounts;
using PolicyTracker.IntegrationTests.Security;
using PolicyTracker.TestSupport;

namespace PolicyTracker.IntegrationTests.Hosting;

// The log is quiet when nothing is wrong: the first start on an empty database (migrations, including
// the probe of a history table not made yet), a sign-out refused for a missing antiforgery token (a 400,
// not a 500), unknown pages and ids, and a bad filter log no error; a warning only where one is due.
public sealed class QuietLogTests
{
    [Fact]
    public async Task A_first_start_a_refused_sign_out_unknown_pages_and_bad_filters_log_no_error()
    {
        var log = new CapturedLog();
        await using var database = await TestDatabase.CreateAsync("pt_quiet_log");
        await using var factory = new AppFactory(database.ConnectionString, new AppOptions
        {
            DemoUsers = false,
            SignInAttemptsPerMinute = 1000,
            LogLevel = "Information",
            Log = log,
        });
        const string email = "quiet-admin@test.example", password = "quiet-log-password-2026";
        (await factory.InScopeAsync(s => s.GetRequiredService<UserAccounts>().CreateAsync(email, password, [Roles.Admin, Roles.Editor]))).Succeeded.ShouldBeTrue();
        var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync("/account/login");
        var signIn = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = SecurityFixture.AntiforgeryToken(form),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));

        var signOut = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["returnUrl"] = "/" }));
        var missingPage = await client.GetAsync("/no-such-page");
        var missingMeeting = await client.GetAsync($"/meetings/{Guid.NewGuid()}");
        var badFilter = await client.GetAsync("/people?q=x%00y");
        await Task.Delay(500);

        signOut.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        missingPage.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        missingMeeting.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        ((int)badFilter.StatusCode).ShouldBeLessThan(500);
        log.Events.ShouldContain(e => e.RenderMessage(null).Contains("Application started", StringComparison.Ordinal));
        log.Lines(Serilog.Events.LogEventLevel.Error).ShouldBeEmpty($"sign-in answered {(int)signIn.StatusCode}");
    }
}
